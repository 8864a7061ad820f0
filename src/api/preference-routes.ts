import { type Context, Hono } from 'hono';
import {
  type ChangeSource,
  changePreferences,
  changeSourceOf,
  type PreferenceRequest,
  PreferenceRequestSchema,
} from '../domain/identity/preferences.ts';
import { CASE_STAFF } from '../domain/identity/roles.ts';
import { PassengerIdSchema } from '../domain/records/passenger.ts';
import type { PreferenceStore } from '../ports/preference-store.ts';
import type { Clock } from '../ports.ts';
import { apiError } from './api-error.ts';
import { jsonBody } from './json-body.ts';
import { parseParam } from './params.ts';
import { allow } from './route-access.ts';

export interface PreferenceRouteDeps {
  preferences: PreferenceStore;
  clock: Clock;
}

/** Two changes at once: the loser reads again and applies its change on top, this many times. */
const ATTEMPTS = 3;

const passengerIdOf = (c: Context) =>
  parseParam(PassengerIdSchema, c.req.param('passengerId'), 'passengerId');

/**
 * A passenger's channels and consents, read and changed by the passenger themself (a passenger
 * token for one of their bookings) or by staff on their behalf; every change is recorded with
 * time, actor and source, and the workflows read the current values when they plan a message.
 */
export function preferenceRoutes(deps: PreferenceRouteDeps): Hono {
  const routes = new Hono();
  const access = allow([...CASE_STAFF, 'passenger'], {
    passenger: (c) => c.req.param('passengerId'),
  });

  routes.get('/passengers/:passengerId/preferences', access, async (c) => {
    const passengerId = passengerIdOf(c);
    const stored = await deps.preferences.get(passengerId);
    if (!stored) throw apiError(404, 'Passenger not found', { passenger_id: passengerId });
    return c.json({
      passenger_id: passengerId,
      ...stored,
      history: await deps.preferences.history(passengerId),
    });
  });

  routes.put('/passengers/:passengerId/preferences', access, async (c) => {
    const passengerId = passengerIdOf(c);
    // An unknown passenger is a 404 whatever the body says.
    if (!(await deps.preferences.get(passengerId)))
      throw apiError(404, 'Passenger not found', { passenger_id: passengerId });
    const request = await jsonBody(c.req.raw, PreferenceRequestSchema);
    const principal = c.var.principal;
    const source = changeSourceOf(principal);
    return c.json(await change(deps, passengerId, request, { by: principal.subject, source }));
  });

  return routes;
}

/** Applies the request on top of the latest version, reading again when another change won. */
async function change(
  deps: PreferenceRouteDeps,
  passengerId: string,
  request: PreferenceRequest,
  actor: { by: string; source: ChangeSource },
) {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await deps.preferences.get(passengerId);
    if (!stored) throw apiError(404, 'Passenger not found', { passenger_id: passengerId });
    const version = stored.version + 1;
    const changed = changePreferences(stored.preferences, request, {
      version,
      at: deps.clock.now(),
      ...actor,
    });
    if (!changed) return { passenger_id: passengerId, ...stored, change: null };
    const outcome = await deps.preferences.apply(passengerId, changed.next, changed.record);
    if (outcome === 'NOT_FOUND')
      throw apiError(404, 'Passenger not found', { passenger_id: passengerId });
    if (outcome === 'APPLIED')
      return {
        passenger_id: passengerId,
        preferences: changed.next,
        version,
        change: changed.record,
      };
  }
  throw apiError(409, 'The preferences changed meanwhile; read them and try again', {
    passenger_id: passengerId,
  });
}
