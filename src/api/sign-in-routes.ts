import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { ROLES } from '../domain/identity/roles.ts';
import type { BookingStore, TokenIssuer } from '../ports.ts';
import { apiError, loadOr404 } from './api-error.ts';
import { publicRoute } from './route-access.ts';

const SIGN_IN_TTL_SECONDS = 8 * 60 * 60;

const SignInSchema = z.object({
  role: z.enum(ROLES),
  booking_id: z.string().min(1).optional(),
});

/** Whether the request came over a loopback socket (or in-process, with no socket at all). */
function fromThisMachine(c: Context): boolean {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return true; // app.request() in-process: the caller already holds the data directory
  }
  return address === undefined || address === '::1' || /^(::ffff:)?127\./.test(address);
}

/** The Cognito hosted sign-in the console uses when a user pool is configured. */
export interface HostedSignIn {
  domain: string;
  clientId: string;
  redirectUri: string;
}

/** Where a passenger's offer page trades its link for a Cognito token (AWS's passenger-links client). */
export interface PassengerLinkSignIn {
  region: string;
  clientId: string;
  username: string;
}

/**
 * The console's sign-in. `GET /auth/config` tells it how to sign in: with Cognito's hosted
 * sign-in when configured, otherwise locally, where `POST /auth/local-token` hands out a token
 * for a chosen role signed by the data directory's issuer — only to this machine and only to
 * same-origin pages.
 */
export function signInRoutes(deps: {
  issuer: TokenIssuer;
  bookings: BookingStore;
  hosted?: HostedSignIn | undefined;
  passengerSignIn?: PassengerLinkSignIn | undefined;
}): Hono {
  const routes = new Hono();
  const { hosted, passengerSignIn: passenger } = deps;
  // With a passenger-links client, offer pages sign in with their link before calling the API.
  const passengerConfig = passenger
    ? {
        passenger_sign_in: {
          region: passenger.region,
          client_id: passenger.clientId,
          username: passenger.username,
        },
      }
    : {};
  routes.get('/auth/config', publicRoute(), (c) =>
    c.json({
      ...(hosted
        ? {
            mode: 'cognito',
            domain: hosted.domain,
            client_id: hosted.clientId,
            redirect_uri: hosted.redirectUri,
          }
        : { mode: 'local', roles: ROLES }),
      ...passengerConfig,
    }),
  );
  if (hosted) return routes;
  routes.post('/auth/local-token', publicRoute(), async (c) => {
    if (!fromThisMachine(c)) throw apiError(403, 'Local sign-in is only for this machine');
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== new URL(c.req.url).origin)
      throw apiError(403, 'Cross-site sign-in refused', { origin });
    const parsed = SignInSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success)
      throw apiError(400, 'Invalid sign-in', {
        reasons: parsed.error.issues.map((i) => i.message),
      });
    const { role, booking_id: bookingId } = parsed.data;
    if (role === 'passenger' && bookingId === undefined)
      throw apiError(400, 'A passenger signs in for one booking', { parameter: 'booking_id' });
    const booking =
      role === 'passenger' && bookingId !== undefined
        ? loadOr404(await deps.bookings.getBooking(bookingId), 'Booking', { booking_id: bookingId })
        : undefined;
    const token = await deps.issuer.issue({
      subject: booking ? `passenger:${booking.passenger_id}` : `local:${role}`,
      roles: [role],
      ttlSeconds: SIGN_IN_TTL_SECONDS,
      ...(booking
        ? { booking: { bookingId: booking.booking_id, passengerId: booking.passenger_id } }
        : {}),
    });
    return c.json({ token, role, expires_in: SIGN_IN_TTL_SECONDS });
  });
  return routes;
}
