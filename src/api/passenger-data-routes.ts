import { type Context, Hono } from 'hono';
import type { NotificationDetail } from '../domain/event-routing/bus-events.ts';
import { ADMINS, CASE_STAFF } from '../domain/identity/roles.ts';
import { PassengerIdSchema } from '../domain/records/passenger.ts';
import { allPages } from '../ports/all-pages.ts';
import type { PreferenceStore } from '../ports/preference-store.ts';
import type {
  BookingStore,
  Clock,
  EntitlementStore,
  LogScrubber,
  NotificationLog,
  PassengerErasure,
} from '../ports.ts';
import { apiError } from './api-error.ts';
import { parseParam } from './params.ts';
import { allow } from './route-access.ts';

export interface PassengerDataDeps {
  bookings: BookingStore;
  notifications: NotificationLog;
  entitlements: EntitlementStore;
  erasure: PassengerErasure;
  preferences: PreferenceStore;
  clock: Clock;
  /** The log files the system writes itself, when it writes any (locally). */
  logs?: LogScrubber;
  /** Forgets what in-memory views (the live feed) still hold about the passenger. */
  onErased?: (passengerId: string) => unknown;
}

const allNotifications = (
  notifications: NotificationLog,
  flightId: string,
  bookingId: string,
): Promise<NotificationDetail[]> =>
  allPages((page) => notifications.list({ flightId, bookingId }, page));

const passengerIdOf = (c: Context) =>
  parseParam(PassengerIdSchema, c.req.param('passengerId'), 'passengerId');

/**
 * GDPR for one passenger: everything held about them as JSON (Art. 20), and erasure (Art. 17)
 * that leaves counts and an audit record, so the system keeps working for everyone else.
 */
export function passengerDataRoutes(deps: PassengerDataDeps): Hono {
  const routes = new Hono();

  routes.get(
    '/passengers/:passengerId/export',
    allow([...CASE_STAFF, 'passenger'], { passenger: (c) => c.req.param('passengerId') }),
    async (c) => {
      const passengerId = passengerIdOf(c);
      const [passenger, erasure] = await Promise.all([
        deps.bookings.getPassenger(passengerId),
        deps.erasure.receiptOf(passengerId),
      ]);
      if (!passenger && !erasure)
        throw apiError(404, 'Passenger not found', { passenger_id: passengerId });
      const refs = await deps.bookings.listPassengerBookings(passengerId);
      const bookings = await deps.bookings.getBookings(refs.map((r) => r.booking_id));
      const notifications = (
        await Promise.all(
          refs.map((r) => allNotifications(deps.notifications, r.flight_id, r.booking_id)),
        )
      ).flat();
      const entitlements = (
        await Promise.all(refs.map((r) => deps.entitlements.listOfBooking(r.booking_id)))
      ).flat();
      const preferenceHistory = await deps.preferences.history(passengerId);
      return c.json({
        passenger_id: passengerId,
        exported_at: deps.clock.now(),
        passenger: passenger ?? null,
        erasure: erasure ?? null,
        bookings,
        notifications,
        entitlements,
        preference_history: preferenceHistory,
      });
    },
  );

  routes.delete('/passengers/:passengerId', allow(ADMINS), async (c) => {
    const passengerId = passengerIdOf(c);
    const passenger = await deps.bookings.getPassenger(passengerId);
    if (!passenger) {
      const earlier = await deps.erasure.receiptOf(passengerId);
      if (earlier) return c.json(earlier);
      throw apiError(404, 'Passenger not found', { passenger_id: passengerId });
    }
    const refs = await deps.bookings.listPassengerBookings(passengerId);
    const logLinesErased = (await deps.logs?.scrub(passengerId)) ?? 0;
    const receipt = await deps.erasure.erase(
      passengerId,
      refs.map((r) => ({ bookingId: r.booking_id, flightId: r.flight_id })),
      { at: deps.clock.now(), by: c.var.principal.subject, logLinesErased },
    );
    await deps.onErased?.(passengerId);
    return c.json(receipt);
  });

  return routes;
}
