import { Hono } from 'hono';
import { CASE_STAFF, OPERATIONS_STAFF } from '../domain/identity/roles.ts';
import { FlightIdSchema, FlightStatusSchema } from '../domain/records/flight.ts';
import { loadOr404 } from './api-error.ts';
import type { ApiDeps } from './app.ts';
import { pageBody, pageParams } from './page-params.ts';
import { parseParam } from './params.ts';
import { allow } from './route-access.ts';

export function flightRoutes(deps: ApiDeps): Hono {
  const routes = new Hono();

  routes.get('/flights', allow(OPERATIONS_STAFF), async (c) => {
    const page = pageParams((n) => c.req.query(n));
    const status = c.req.query('status');
    const result =
      status === undefined
        ? await deps.flights.listFlights(page)
        : await deps.flights.listFlightsByStatus(
            parseParam(FlightStatusSchema, status, 'status'),
            page,
          );
    return c.json(pageBody('flights', result));
  });

  routes.get('/flights/:flightId', allow(OPERATIONS_STAFF), async (c) => {
    const flightId = parseParam(FlightIdSchema, c.req.param('flightId'), 'flightId');
    const flight = loadOr404(await deps.flights.getFlight(flightId), 'Flight', {
      flight_id: flightId,
    });
    return c.json(flight);
  });

  routes.get('/flights/:flightId/bookings', allow(CASE_STAFF), async (c) => {
    const flightId = parseParam(FlightIdSchema, c.req.param('flightId'), 'flightId');
    loadOr404(await deps.flights.getFlight(flightId), 'Flight', { flight_id: flightId });
    const page = await deps.flights.pageFlightBookings(
      flightId,
      pageParams((n) => c.req.query(n)),
    );
    const bookings = page.items.map(({ booking_id, passenger_id }) => ({
      booking_id,
      passenger_id,
    }));
    return c.json(pageBody('bookings', { ...page, items: bookings }));
  });

  return routes;
}
