import { Hono } from 'hono';
import { CASE_STAFF, OPERATIONS_STAFF } from '../domain/identity/roles.ts';
import { BookingIdSchema } from '../domain/records/booking.ts';
import { FlightIdSchema } from '../domain/records/flight.ts';
import { liabilityOf } from '../domain/rights/liability.ts';
import { loadOr404 } from './api-error.ts';
import type { ApiDeps } from './app.ts';
import { parseParam } from './params.ts';
import { allow } from './route-access.ts';

/** Passenger rights: what a booking is owed, and what a disrupted flight may cost. */
export function rightsRoutes(deps: ApiDeps): Hono {
  const routes = new Hono();

  // A passenger may read what their own booking is owed.
  routes.get(
    '/bookings/:bookingId/entitlements',
    allow([...CASE_STAFF, 'passenger'], { booking: (c) => c.req.param('bookingId') }),
    async (c) => {
      const bookingId = parseParam(BookingIdSchema, c.req.param('bookingId'), 'bookingId');
      loadOr404(await deps.bookings.getBooking(bookingId), 'Booking', { booking_id: bookingId });
      const entitlements = await deps.entitlements.listOfBooking(bookingId);
      return c.json({ booking_id: bookingId, entitlements, total: entitlements.length });
    },
  );

  routes.get('/flights/:flightId/liability', allow(OPERATIONS_STAFF), async (c) => {
    const flightId = parseParam(FlightIdSchema, c.req.param('flightId'), 'flightId');
    loadOr404(await deps.flights.getFlight(flightId), 'Flight', { flight_id: flightId });
    return c.json(liabilityOf(flightId, await deps.entitlements.listOfFlight(flightId)));
  });

  return routes;
}
