import { type Context, Hono } from 'hono';
import { CASE_STAFF } from '../domain/identity/roles.ts';
import { BookingIdSchema, BookingStatusSchema } from '../domain/records/booking.ts';
import { PassengerIdSchema, publicPassenger } from '../domain/records/passenger.ts';
import { loadOr404 } from './api-error.ts';
import type { ApiDeps } from './app.ts';
import { pageBody, pageParams } from './page-params.ts';
import { parseParam } from './params.ts';
import { allow } from './route-access.ts';

const PASSENGER_STAFF = [...CASE_STAFF, 'passenger'] as const;
const ownPassenger = { passenger: (c: Context) => c.req.param('passengerId') };
const ownBooking = { booking: (c: Context) => c.req.param('bookingId') };

export function bookingRoutes(deps: ApiDeps): Hono {
  const routes = new Hono();

  routes.get('/passengers/:passengerId', allow(PASSENGER_STAFF, ownPassenger), async (c) => {
    const passengerId = parseParam(PassengerIdSchema, c.req.param('passengerId'), 'passengerId');
    const passenger = loadOr404(await deps.bookings.getPassenger(passengerId), 'Passenger', {
      passenger_id: passengerId,
    });
    return c.json(publicPassenger(passenger));
  });

  routes.get(
    '/passengers/:passengerId/bookings',
    allow(PASSENGER_STAFF, ownPassenger),
    async (c) => {
      const passengerId = parseParam(PassengerIdSchema, c.req.param('passengerId'), 'passengerId');
      loadOr404(await deps.bookings.getPassenger(passengerId), 'Passenger', {
        passenger_id: passengerId,
      });
      const page = await deps.bookings.pagePassengerBookings(
        passengerId,
        pageParams((n) => c.req.query(n)),
      );
      const bookings = page.items.map(({ booking_id, flight_id }) => ({ booking_id, flight_id }));
      return c.json(pageBody('bookings', { ...page, items: bookings }));
    },
  );

  routes.get('/bookings/:bookingId', allow(PASSENGER_STAFF, ownBooking), async (c) => {
    const bookingId = parseParam(BookingIdSchema, c.req.param('bookingId'), 'bookingId');
    const booking = loadOr404(await deps.bookings.getBooking(bookingId), 'Booking', {
      booking_id: bookingId,
    });
    return c.json(booking);
  });

  /** Bookings by status (GSI2), e.g. every booking that needs rebooking. */
  routes.get('/bookings', allow(CASE_STAFF), async (c) => {
    const status = parseParam(BookingStatusSchema, c.req.query('status'), 'status');
    const page = await deps.bookings.listBookingsByStatus(
      status,
      pageParams((n) => c.req.query(n)),
    );
    return c.json(pageBody('bookings', page));
  });

  return routes;
}
