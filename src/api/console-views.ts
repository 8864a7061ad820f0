import type { NotificationDetail } from '../domain/event-routing/bus-events.ts';
import type { Booking } from '../domain/records/booking.ts';
import type { Flight } from '../domain/records/flight.ts';
import type { Passenger } from '../domain/records/passenger.ts';

/** A page of a sorted, filtered list, and how many there are in all and after filtering. */
export interface ListView<T> {
  items: T[];
  total: number;
  matched: number;
  offset: number;
  limit: number;
}

export interface ListQuery {
  q?: string | undefined;
  statuses?: string[] | undefined;
  sort?: string | undefined;
  dir?: 'asc' | 'desc' | undefined;
  offset: number;
  limit: number;
}

type Key<T> = (item: T) => string | number;

/** Filters, sorts (stable, by the given key then the tie-breaker) and pages a list. */
export function listView<T>(
  all: T[],
  query: ListQuery,
  keep: (item: T) => boolean,
  keys: Record<string, Key<T>>,
  tieBreak: Key<T>,
): ListView<T> {
  const matched = all.filter(keep);
  const key = keys[query.sort ?? ''] ?? tieBreak;
  const sign = query.dir === 'desc' ? -1 : 1;
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  matched.sort((a, b) => sign * compare(key(a), key(b)) || compare(tieBreak(a), tieBreak(b)));
  return pageOf(matched, all.length, query);
}

/** One page of what matched, with the counts every console list carries. */
export function pageOf<T>(
  matched: T[],
  total: number,
  query: { offset: number; limit: number },
): ListView<T> {
  const { offset, limit } = query;
  return {
    items: matched.slice(offset, offset + limit),
    total,
    matched: matched.length,
    offset,
    limit,
  };
}

/** The board's sort keys. */
export const FLIGHT_SORTS: Record<string, Key<Flight>> = {
  flight_id: (f) => f.flight_id,
  departure: (f) => Date.parse(f.scheduled_departure),
  status: (f) => f.status,
  delay: (f) => f.delay_minutes ?? 0,
  origin: (f) => f.origin,
  destination: (f) => f.destination,
  gate: (f) => f.gate ?? '',
};

/** A flight matches a search by its id, either airport, or being one of `flightIds` (found by booking or passenger). */
export function flightMatches(
  flight: Flight,
  q: string | undefined,
  statuses: string[] | undefined,
  flightIds?: Set<string>,
): boolean {
  if (statuses?.length && !statuses.includes(flight.status)) return false;
  if (!q) return true;
  if (flightIds?.has(flight.flight_id)) return true;
  const needle = q.toUpperCase();
  return (
    flight.flight_id.includes(needle) || flight.origin === needle || flight.destination === needle
  );
}

/** One booking of a flight as the console lists it. */
export interface BookingRow {
  booking_id: string;
  passenger_id: string;
  name: string;
  tier: string;
  language: string;
  booking_status: string;
  seat: string;
  special_requests: string[];
  channels: string[];
  notifications: Array<
    Pick<NotificationDetail, 'channel' | 'body' | 'priority' | 'created_at'> & { subject?: string }
  >;
}

export const BOOKING_SORTS: Record<string, Key<BookingRow>> = {
  booking_id: (r) => r.booking_id,
  name: (r) => r.name.toUpperCase(),
  tier: (r) => r.tier,
  status: (r) => r.booking_status,
  seat: (r) => seatOrder(r.seat),
  notified: (r) => r.notifications.length,
};

/** Seats sort by row, then letter: 2A before 10A. */
function seatOrder(seat: string): number {
  const row = Number.parseInt(seat, 10);
  return (Number.isNaN(row) ? 999 : row) * 100 + seat.charCodeAt(seat.length - 1);
}

export function bookingRows(
  bookings: Booking[],
  passengers: Map<string, Passenger>,
  notifications: NotificationDetail[],
): BookingRow[] {
  const sent = new Map<string, NotificationDetail[]>();
  for (const n of notifications) sent.set(n.booking_id, [...(sent.get(n.booking_id) ?? []), n]);
  return bookings.map((b) => {
    const p = passengers.get(b.passenger_id);
    const prefs = (p?.notification_preferences ?? {}) as Record<string, boolean>;
    return {
      booking_id: b.booking_id,
      passenger_id: b.passenger_id,
      name: p ? `${p.first_name} ${p.last_name}` : b.passenger_id,
      tier: p?.tier ?? '',
      language: p?.language ?? 'en',
      booking_status: b.booking_status,
      seat: b.seat,
      special_requests: b.special_requests,
      channels: Object.entries(prefs)
        .filter(([, on]) => on)
        .map(([channel]) => channel),
      notifications: (sent.get(b.booking_id) ?? [])
        .map((n) => ({
          channel: n.channel,
          body: n.body,
          priority: n.priority,
          created_at: n.created_at,
          ...('subject' in n ? { subject: n.subject } : {}),
        }))
        .sort((x, y) => x.created_at.localeCompare(y.created_at)),
    };
  });
}

/** Booking filters beyond the booking statuses: who was told and who is still waiting. */
export function bookingMatches(
  row: BookingRow,
  q: string | undefined,
  statuses: string[] | undefined,
): boolean {
  if (statuses?.length) {
    const notified = row.notifications.length > 0;
    const ok = statuses.some((s) =>
      s === 'NOTIFIED' ? notified : s === 'PENDING' ? !notified : row.booking_status === s,
    );
    if (!ok) return false;
  }
  if (!q) return true;
  const needle = q.toUpperCase();
  return (
    row.name.toUpperCase().includes(needle) ||
    row.booking_id === needle ||
    row.passenger_id === needle ||
    row.seat === needle
  );
}

/** The flight's summary: who was told, who is waiting, who needs rebooking, and by which channel. */
export function flightSummary(rows: BookingRow[]) {
  const byChannel: Record<string, number> = {};
  let notified = 0;
  for (const row of rows) {
    if (row.notifications.length > 0) notified++;
    for (const n of row.notifications) byChannel[n.channel] = (byChannel[n.channel] ?? 0) + 1;
  }
  return {
    bookings: rows.length,
    notified,
    pending: rows.length - notified,
    needs_rebooking: rows.filter((r) => r.booking_status === 'NEEDS_REBOOKING').length,
    special_assistance: rows.filter((r) => r.special_requests.length > 0).length,
    notifications_by_channel: byChannel,
  };
}
