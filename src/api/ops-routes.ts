import { Hono } from 'hono';
import { CASE_STAFF, OPERATIONS_STAFF } from '../domain/identity/roles.ts';
import { BookingIdSchema } from '../domain/records/booking.ts';
import { FlightIdSchema } from '../domain/records/flight.ts';
import { apiError, loadOr404 } from './api-error.ts';
import type { ApiDeps } from './app.ts';
import { pageBody, pageParams } from './page-params.ts';
import { parseParam } from './params.ts';
import { allow } from './route-access.ts';

/** What operations staff read: ingested events, notifications sent, workflow runs. */
export function opsRoutes(deps: ApiDeps): Hono {
  const routes = new Hono();

  routes.get('/events', allow(OPERATIONS_STAFF), async (c) => {
    const flightId = c.req.query('flight_id');
    const filter =
      flightId === undefined ? {} : { flightId: parseParam(FlightIdSchema, flightId, 'flight_id') };
    const page = await deps.events.list(
      filter,
      pageParams((n) => c.req.query(n)),
    );
    return c.json(pageBody('events', page));
  });

  // A passenger reads the notifications of their own booking only (booking_id required for them).
  routes.get(
    '/notifications',
    allow([...CASE_STAFF, 'passenger'], { booking: (c) => c.req.query('booking_id') }),
    async (c) => {
      const flightParam = c.req.query('flight_id');
      const bookingParam = c.req.query('booking_id');
      if (flightParam === undefined && bookingParam === undefined) {
        throw apiError(400, 'flight_id or booking_id is required', { parameter: 'flight_id' });
      }
      const bookingId =
        bookingParam === undefined
          ? undefined
          : parseParam(BookingIdSchema, bookingParam, 'booking_id');
      let flightId =
        flightParam === undefined
          ? undefined
          : parseParam(FlightIdSchema, flightParam, 'flight_id');
      if (flightId === undefined && bookingId !== undefined) {
        const booking = loadOr404(await deps.bookings.getBooking(bookingId), 'Booking', {
          booking_id: bookingId,
        });
        flightId = booking.flight_id;
      }
      const page = await deps.notifications.list(
        { flightId: flightId as string, ...(bookingId ? { bookingId } : {}) },
        pageParams((n) => c.req.query(n)),
      );
      return c.json(pageBody('notifications', page));
    },
  );

  routes.get('/executions', allow(OPERATIONS_STAFF), async (c) => {
    const flightId = parseParam(FlightIdSchema, c.req.query('flight_id'), 'flight_id');
    const page = await deps.executions.list(
      flightId,
      pageParams((n) => c.req.query(n)),
    );
    return c.json(pageBody('executions', page));
  });

  // What was accepted but has not finished: the re-drive's work list, and how a caller (the fault
  // suite, an operator after a restart) knows the system has caught up.
  routes.get('/runs/pending', allow(OPERATIONS_STAFF), async (c) => {
    const runs = await deps.runs.pending();
    return c.json({
      pending: runs.length,
      runs: runs.slice(0, 100).map((r) => ({
        event_id: r.event_id,
        detail_type: r.entry.detailType,
        recorded_at: r.recorded_at,
      })),
    });
  });

  return routes;
}
