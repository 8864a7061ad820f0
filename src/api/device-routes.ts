import { Hono } from 'hono';
import { z } from 'zod';
import { CASE_STAFF } from '../domain/identity/roles.ts';
import { PassengerIdSchema } from '../domain/records/passenger.ts';
import {
  type DeviceStore,
  DevicesChangingError,
  PUSH_PLATFORMS,
  type PushEndpoints,
} from '../ports/push-devices.ts';
import type { BookingStore, Clock } from '../ports.ts';
import { apiError } from './api-error.ts';
import { parseParam } from './params.ts';
import { allow } from './route-access.ts';

/** What an app sends when it registers for push: its platform and the token the platform gave it. */
export const DeviceRegistrationSchema = z.object({
  platform: z.enum(PUSH_PLATFORMS).describe('APNS (iOS) or FCM (Android)'),
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9:_.-]{16,4096}$/, 'a device token as the platform issued it'),
});

export const DeviceRegisteredSchema = z.object({
  passenger_id: z.string(),
  platform: z.enum(PUSH_PLATFORMS),
  /** Where pushes to this device go (an SNS platform endpoint). */
  endpoint: z.string(),
  /** Devices the passenger has registered, this one included (a push goes to the newest). */
  devices: z.number().int(),
  registered_at: z.string(),
});

export const DEVICE_EXAMPLES = {
  android: {
    summary: 'An Android app registers its FCM token',
    value: { platform: 'FCM', token: 'fcm-token-dGhpcyBpcyBhIGRldmljZQ' },
  },
};

export interface DeviceRouteDeps {
  endpoints: PushEndpoints;
  devices: DeviceStore;
  bookings: Pick<BookingStore, 'getPassenger'>;
  clock: Clock;
}

/** Reads the JSON body, answering 400 (never 5xx) when it is not JSON or not a registration. */
async function registrationOf(request: Request) {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw apiError(400, 'Invalid JSON body');
  }
  return parseParam(DeviceRegistrationSchema, body, 'body');
}

/**
 * Push registration: the passenger's app (with the passenger's own token) or an agent on their
 * behalf registers a device; its token becomes a platform endpoint, stored on the passenger, and
 * from then on the short message of every disruption goes to it (plan-deliveries.ts).
 */
export function deviceRoutes(deps: DeviceRouteDeps): Hono {
  const routes = new Hono();
  routes.post(
    '/passengers/:passengerId/devices',
    allow([...CASE_STAFF, 'passenger'], { passenger: (c) => c.req.param('passengerId') }),
    async (c) => {
      const passengerId = parseParam(PassengerIdSchema, c.req.param('passengerId'), 'passengerId');
      const { platform, token } = await registrationOf(c.req.raw);
      // No endpoint is created for a passenger who does not exist.
      if (!(await deps.bookings.getPassenger(passengerId)))
        throw apiError(404, 'Passenger not found', { passenger_id: passengerId });
      const endpoint = await deps.endpoints.endpointFor(platform, token);
      let devices: string[] | undefined;
      try {
        devices = await deps.devices.addDevice(passengerId, endpoint);
      } catch (error) {
        if (!(error instanceof DevicesChangingError)) throw error;
        throw apiError(409, 'The passenger’s devices kept changing; try again');
      }
      if (!devices) throw apiError(404, 'Passenger not found', { passenger_id: passengerId });
      return c.json(
        {
          passenger_id: passengerId,
          platform,
          endpoint,
          devices: devices.length,
          registered_at: deps.clock.now(),
        },
        201,
      );
    },
  );
  return routes;
}
