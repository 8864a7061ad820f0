import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AirportLookup } from '../domain/airports/airport-lookup.ts';
import type { NotificationDetail } from '../domain/event-routing/bus-events.ts';
import { CASE_STAFF, OPERATIONS_STAFF } from '../domain/identity/roles.ts';
import { OFFER_STATUSES, type OfferStatus } from '../domain/rebooking/offer.ts';
import { BOOKING_STATUSES, BookingIdSchema } from '../domain/records/booking.ts';
import { FLIGHT_STATUSES, type Flight, FlightIdSchema } from '../domain/records/flight.ts';
import { PassengerIdSchema } from '../domain/records/passenger.ts';
import { allFlights, allPages } from '../ports/all-pages.ts';
import type { OfferStore } from '../ports/rebooking-ports.ts';
import type { BookingStore, FlightStore, NotificationLog } from '../ports.ts';
import { loadOr404 } from './api-error.ts';
import {
  BOOKING_SORTS,
  bookingMatches,
  bookingRows,
  FLIGHT_SORTS,
  flightMatches,
  flightSummary,
  type ListQuery,
  listView,
} from './console-views.ts';
import { parseParam } from './params.ts';
import { allow } from './route-access.ts';

export interface ConsoleViewDeps {
  flights: FlightStore;
  bookings: BookingStore;
  notifications: NotificationLog;
  airports: AirportLookup;
  offers: OfferStore;
}

/** A flight's rebooking offers counted by status: counts only, so every operations role sees them. */
async function offersByStatus(offers: OfferStore, flightId: string) {
  const counts = Object.fromEntries(OFFER_STATUSES.map((s) => [s, 0])) as Record<
    OfferStatus,
    number
  >;
  for (const offer of await allPages((page) => offers.list({ flightId }, page)))
    counts[offer.status]++;
  return counts;
}

/** The query of a console list: search, status filters, sort, direction and the page. */
function listQuery(
  query: (name: string) => string | undefined,
  sorts: string[],
  statuses: readonly string[],
): ListQuery {
  const schema = z.object({
    q: z.string().trim().max(100).optional(),
    status: z
      .string()
      .optional()
      .transform((s) => (s ? s.split(',') : undefined))
      .pipe(z.array(z.enum(statuses as [string, ...string[]])).optional()),
    sort: z.enum(sorts as [string, ...string[]]).optional(),
    dir: z.enum(['asc', 'desc']).optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  });
  const raw = Object.fromEntries(
    ['q', 'status', 'sort', 'dir', 'offset', 'limit'].map((n) => [n, query(n) || undefined]),
  );
  const parsed = parseParam(schema, raw, 'query');
  return { ...parsed, q: parsed.q || undefined, statuses: parsed.status };
}

/** The airports' time zones, so the console shows flight times in airport-local time with the zone. */
function withZones(flight: Flight, airports: AirportLookup) {
  return {
    ...flight,
    origin_time_zone: airports.find(flight.origin)?.timeZone ?? null,
    destination_time_zone: airports.find(flight.destination)?.timeZone ?? null,
  };
}

/** Flights a search names by booking or passenger id. */
async function flightsNamedBy(q: string | undefined, deps: ConsoleViewDeps) {
  const id = q?.toUpperCase();
  if (!id) return undefined;
  if (BookingIdSchema.safeParse(id).success) {
    const booking = await deps.bookings.getBooking(id);
    return { kind: 'booking', id, flights: booking ? [booking.flight_id] : [] };
  }
  if (PassengerIdSchema.safeParse(id).success) {
    const refs = await deps.bookings.listPassengerBookings(id);
    const passenger = await deps.bookings.getPassenger(id);
    return {
      kind: 'passenger',
      id,
      ...(passenger ? { name: `${passenger.first_name} ${passenger.last_name}` } : {}),
      flights: refs.map((r) => r.flight_id),
    };
  }
  return undefined;
}

/**
 * The console's views at scale: the board and a flight's bookings are filtered, sorted and paged
 * on the server, with "showing X of Y" counts and a flight's notification summary.
 */
const isCasework = (c: Context) =>
  c.var.principal.roles.some((role) => (CASE_STAFF as readonly string[]).includes(role));

export function consoleViewRoutes(deps: ConsoleViewDeps): Hono {
  const routes = new Hono();

  routes.get('/console/flights', allow(OPERATIONS_STAFF), async (c) => {
    const query = listQuery((n) => c.req.query(n), Object.keys(FLIGHT_SORTS), FLIGHT_STATUSES);
    const [flights, found] = await Promise.all([
      allFlights(deps.flights),
      // Finding flights by a passenger's name is casework; viewers search flights only.
      isCasework(c) ? flightsNamedBy(query.q, deps) : undefined,
    ]);
    const ids = found ? new Set(found.flights) : undefined;
    const view = listView(
      flights,
      query,
      (f) =>
        found
          ? (ids?.has(f.flight_id) ?? false) && flightMatches(f, undefined, query.statuses)
          : flightMatches(f, query.q, query.statuses),
      FLIGHT_SORTS,
      (f) => f.flight_id,
    );
    return c.json({
      ...view,
      items: view.items.map((f) => withZones(f, deps.airports)),
      ...(found ? { found } : {}),
    });
  });

  routes.get('/console/flights/:flightId', allow(OPERATIONS_STAFF), async (c) => {
    const flightId = parseParam(FlightIdSchema, c.req.param('flightId'), 'flightId');
    const query = listQuery((n) => c.req.query(n), Object.keys(BOOKING_SORTS), [
      ...BOOKING_STATUSES,
      'NOTIFIED',
      'PENDING',
    ]);
    const flight = loadOr404(await deps.flights.getFlight(flightId), 'Flight', {
      flight_id: flightId,
    });
    // Viewers get the flight and its counts; the passenger rows are casework.
    const casework = isCasework(c);
    const refs = await deps.flights.listFlightBookings(flightId);
    const [bookings, passengers, notifications, offers] = await Promise.all([
      deps.bookings.getBookings(refs.map((r) => r.booking_id)),
      deps.bookings.getPassengers(refs.map((r) => r.passenger_id)),
      allPages<NotificationDetail>((page) => deps.notifications.list({ flightId }, page)),
      offersByStatus(deps.offers, flightId),
    ]);
    const rows = bookingRows(
      bookings,
      new Map(passengers.map((p) => [p.passenger_id, p])),
      notifications,
    );
    const view = listView(
      rows,
      query,
      (r) => bookingMatches(r, query.q, query.statuses),
      BOOKING_SORTS,
      (r) => r.booking_id,
    );
    return c.json({
      flight: withZones(flight, deps.airports),
      summary: flightSummary(rows),
      offers_by_status: offers,
      bookings: casework ? view : { ...view, items: [] },
    });
  });

  return routes;
}
