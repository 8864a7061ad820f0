import { z } from 'zod';
import { isRole, type Principal, type Role } from './roles.ts';

/**
 * The claims FlightPulse reads from a verified token. Roles are Cognito groups (`cognito:groups`)
 * in both places, so the local issuer's tokens and Cognito's are read by the same code.
 */
const ClaimsSchema = z.object({
  sub: z.string().min(1),
  'cognito:groups': z.array(z.string()).optional(),
  booking_id: z.string().min(1).optional(),
  passenger_id: z.string().min(1).optional(),
});

export class InvalidClaimsError extends Error {
  override name = 'InvalidClaimsError';
}

/**
 * The principal a verified token names. Unknown groups are ignored; a passenger role without the
 * booking it is bound to is refused, so a passenger token can never mean "every booking".
 *
 * @example principalFromClaims({ sub: 'u1', 'cognito:groups': ['agent'] }) // { subject: 'u1', roles: ['agent'] }
 */
export function principalFromClaims(claims: unknown): Principal {
  const parsed = ClaimsSchema.safeParse(claims);
  if (!parsed.success) throw new InvalidClaimsError('token claims: sub is required');
  const roles = (parsed.data['cognito:groups'] ?? []).filter(isRole) as Role[];
  const { booking_id: bookingId, passenger_id: passengerId } = parsed.data;
  if (roles.includes('passenger') && (bookingId === undefined || passengerId === undefined))
    throw new InvalidClaimsError('a passenger token must name its booking and passenger');
  return {
    subject: parsed.data.sub,
    roles,
    ...(bookingId ? { bookingId } : {}),
    ...(passengerId ? { passengerId } : {}),
  };
}
