import { cabinOfFare } from '../domain/rebooking/cabin.ts';
import { cabinCapacities, type FlightSeats } from '../domain/rebooking/seat-inventory.ts';
import type { Booking, SpecialRequest } from '../domain/records/booking.ts';
import type { Flight } from '../domain/records/flight.ts';
import { shiftLocalTime } from '../domain/records/local-time.ts';
import type { Language, Passenger, Tier } from '../domain/records/passenger.ts';

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same airline day. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const HUBS = [
  { code: 'DEN', offset: '-07:00' },
  { code: 'ATL', offset: '-05:00' },
  { code: 'ORD', offset: '-06:00' },
  { code: 'DFW', offset: '-06:00' },
  { code: 'LAX', offset: '-08:00' },
  { code: 'MDW', offset: '-06:00' },
  { code: 'LAS', offset: '-08:00' },
  { code: 'BWI', offset: '-05:00' },
  { code: 'PHX', offset: '-07:00' },
  { code: 'HOU', offset: '-06:00' },
  { code: 'SEA', offset: '-08:00' },
  { code: 'MCO', offset: '-05:00' },
] as const;
const DESTINATIONS = [
  'SAN',
  'OAK',
  'PDX',
  'AUS',
  'BNA',
  'MSY',
  'SLC',
  'SMF',
  'TPA',
  'STL',
  'RDU',
  'SJC',
  'BOS',
  'MIA',
];
/** Aircraft from regional jets to wide-bodies, with typical seat counts and how often each flies. */
const AIRCRAFT = [
  { type: 'Embraer E175', seats: 76, weight: 3 },
  { type: 'Boeing 737-700', seats: 143, weight: 4 },
  { type: 'Boeing 737 MAX 8', seats: 175, weight: 5 },
  { type: 'Airbus A321neo', seats: 196, weight: 3 },
  { type: 'Boeing 787-9', seats: 296, weight: 1 },
  { type: 'Boeing 777-300ER', seats: 396, weight: 1 },
];
const FIRST = [
  'Ana',
  'Ben',
  'Chloe',
  'Diego',
  'Eve',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jon',
  'Kemi',
  'Liam',
  'Mara',
  'Noor',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Uma',
  'Vik',
  'Wen',
  'Xavi',
  'Yara',
  'Zoe',
];
const LAST = [
  'Smith',
  'Garcia',
  'Nguyen',
  'Okafor',
  'Kowalski',
  'Haddad',
  'Tanaka',
  'Silva',
  'Murphy',
  'Cohen',
  'Singh',
  'Rossi',
];
const REQUESTS: Array<{ request: SpecialRequest; share: number }> = [
  { request: 'WHEELCHAIR_ASSISTANCE', share: 0.03 },
  { request: 'TRAVELLING_WITH_INFANT', share: 0.02 },
  { request: 'SPECIAL_MEAL', share: 0.02 },
  { request: 'HEARING_ASSISTANCE', share: 0.005 },
  { request: 'VISUAL_ASSISTANCE', share: 0.005 },
  { request: 'SERVICE_ANIMAL', share: 0.005 },
  { request: 'UNACCOMPANIED_MINOR', share: 0.005 },
];

/** Languages passengers read, with their share of the day (about one in four is not English). */
const LANGUAGE_SHARES: Array<{ language: Language; share: number }> = [
  { language: 'es', share: 0.15 },
  { language: 'fr', share: 0.06 },
  { language: 'de', share: 0.05 },
];

/** The language a roll in [0, 1) lands on: English unless it falls in another's share. */
function pickLanguage(roll: number): Language {
  let threshold = 0;
  for (const { language, share } of LANGUAGE_SHARES) {
    threshold += share;
    if (roll < threshold) return language;
  }
  return 'en';
}

/** The special request a roll in [0, 1) lands on, if any (shares add up to about 9%). */
function pickRequest(roll: number): SpecialRequest | undefined {
  let threshold = 0;
  for (const { request, share } of REQUESTS) {
    threshold += share;
    if (roll < threshold) return request;
  }
  return undefined;
}

export interface AirlineDay {
  flights: Flight[];
  passengers: Passenger[];
  bookings: Booking[];
}

/**
 * A synthetic airline day: `flights` departures spread over the hubs, filled to about 85% with
 * `passengers` passengers in all (tiers 70/20/10, most on email and SMS, a few with special
 * requests, about a quarter reading Spanish, French or German). Pure and reproducible: the same options give the same day.
 */
export function generateAirlineDay(options: {
  flights: number;
  passengers: number;
  seed: number;
  hubs?: number;
}): AirlineDay {
  const random = seededRandom(options.seed);
  // A stream of its own, so adding languages left every other field of a seeded day as it was.
  const languageRandom = seededRandom(options.seed ^ 0x5eed_1a6);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const hubs = HUBS.slice(0, Math.max(1, Math.min(options.hubs ?? HUBS.length, HUBS.length)));
  const weighted = AIRCRAFT.flatMap((a) => Array(a.weight).fill(a) as (typeof AIRCRAFT)[number][]);
  const flights: Flight[] = [];
  for (let i = 0; i < options.flights; i++) {
    const hub = hubs[i % hubs.length] as (typeof HUBS)[number];
    const route = pickRoute(hub, flights, random, pick);
    // Some flights repeat a route later the same day, some fly it tomorrow: the alternatives.
    const day = random() < 0.15 ? '2025-01-16' : '2025-01-15';
    const departureMinutes = 6 * 60 + Math.floor(random() * 16 * 60);
    const departure = shiftLocalTime(`${day}T00:00:00${hub.offset}`, departureMinutes);
    const aircraft = pick(weighted);
    flights.push({
      flight_id: `FP${String(1000 + i).slice(-4)}${i >= 9000 ? 'X' : ''}`,
      origin: route.origin,
      destination: route.destination,
      scheduled_departure: departure,
      scheduled_arrival: shiftLocalTime(departure, 60 + Math.floor(random() * 300)),
      estimated_departure: null,
      estimated_arrival: null,
      actual_departure: null,
      actual_arrival: null,
      status: 'SCHEDULED',
      gate: `${pick(['A', 'B', 'C', 'D', 'E'])}${1 + Math.floor(random() * 40)}`,
      terminal: String(1 + Math.floor(random() * 3)),
      aircraft: aircraft.type,
      delay_minutes: 0,
      delay_reason: null,
      last_event_at: null,
      gate_updated_at: null,
    });
  }
  // Seats per flight by aircraft size, scaled so the day holds `passengers` bookings.
  const seats = flights.map((f) => AIRCRAFT.find((a) => a.type === f.aircraft)?.seats ?? 150);
  const scale = options.passengers / seats.reduce((n, s) => n + s, 0);
  const passengers: Passenger[] = [];
  const bookings: Booking[] = [];
  let next = 0;
  flights.forEach((flight, f) => {
    const count =
      f === flights.length - 1
        ? options.passengers - next
        : Math.round((seats[f] as number) * scale);
    for (let s = 0; s < count && next < options.passengers; s++, next++) {
      const id = String(next + 1).padStart(7, '0');
      passengers.push(generatePassenger(id, random, pick, pickLanguage(languageRandom())));
      const request = pickRequest(random());
      const previous = bookings.at(-1);
      // About one booking in six shares its record with the one before: a party.
      const party = s > 0 && previous && random() < 0.17 ? previous : undefined;
      const onward = random() < 0.3 ? onwardFlight(flight, flights, random) : undefined;
      bookings.push({
        booking_id: `B${id}`,
        passenger_id: `P${id}`,
        flight_id: flight.flight_id,
        confirmation_number:
          party?.confirmation_number ??
          Math.floor(random() * 36 ** 6)
            .toString(36)
            .toUpperCase()
            .padStart(6, '0'),
        seat: `${1 + (s % 40)}${'ABCDEFGHJK'[Math.floor(s / 40) % 10]}`,
        fare_class: party?.fare_class ?? pickFare(random()),
        booking_status: 'CONFIRMED',
        checked_in: random() < 0.4,
        bags_checked: Math.floor(random() * 3),
        special_requests: request ? [request] : [],
        created_at: '2024-12-01T00:00:00Z',
        ...(party?.onward_flight_id
          ? { onward_flight_id: party.onward_flight_id }
          : !party && onward
            ? { onward_flight_id: onward }
            : {}),
      });
    }
  });
  for (const flight of flights) flight.seats = seatsOf(flight, bookings, random);
  return { flights, passengers, bookings };
}

/** Most flights leave the hub for a spoke; one in five flies a spoke into the hub; a third repeat an earlier route. */
function pickRoute(
  hub: (typeof HUBS)[number],
  earlier: Flight[],
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): { origin: string; destination: string } {
  const roll = random();
  const sameHub = earlier.filter((f) => f.origin === hub.code || f.destination === hub.code);
  if (roll < 0.35 && sameHub.length > 0) {
    const f = pick(sameHub);
    return { origin: f.origin, destination: f.destination };
  }
  const spoke = pick(DESTINATIONS);
  return roll < 0.55
    ? { origin: spoke, destination: hub.code }
    : { origin: hub.code, destination: spoke };
}

function generatePassenger(
  id: string,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
  language: Language,
): Passenger {
  const tierRoll = random();
  const tier: Tier = tierRoll < 0.7 ? 'MEMBER' : tierRoll < 0.9 ? 'A-LIST' : 'A-LIST_PREFERRED';
  const channelRoll = random();
  const first = pick(FIRST);
  const last = pick(LAST);
  return {
    passenger_id: `P${id}`,
    first_name: first,
    last_name: last,
    email: `${first.toLowerCase()}.${last.toLowerCase()}.${id}@example.com`,
    phone: `+1555${id}`,
    rapid_rewards_number: `RR${id}`,
    tier,
    language,
    notification_preferences: {
      email: channelRoll < 0.9,
      sms: channelRoll > 0.25,
      push: random() < 0.5,
    },
    // Most consent to model-written messages; the rest get templates (no extra draw: the day stays the same).
    consents: { personalisation: channelRoll > 0.05 },
  };
}

/** Business Select is a small share: it sits in the front cabin. */
function pickFare(roll: number): string {
  return roll < 0.08 ? 'BUS' : roll < 0.4 ? 'ANY' : 'WGA';
}

/** A later flight out of this flight's destination, 45 min to 4 h after it lands: a connection. */
function onwardFlight(flight: Flight, flights: Flight[], random: () => number): string | undefined {
  const lands = Date.parse(flight.scheduled_arrival);
  const onward = flights.filter((f) => {
    const gap = (Date.parse(f.scheduled_departure) - lands) / 60_000;
    return (
      f.origin === flight.destination && f.destination !== flight.origin && gap >= 45 && gap <= 240
    );
  });
  return onward.length > 0 ? onward[Math.floor(random() * onward.length)]?.flight_id : undefined;
}

/**
 * The flight's cabins: the aircraft's seats, booked by the day's bookings plus passengers from
 * outside it; about one flight in seven is nearly full (0–3 seats left in the main cabin).
 */
function seatsOf(flight: Flight, bookings: Booking[], random: () => number): FlightSeats {
  const capacity = cabinCapacities(flight.aircraft);
  const mine = bookings.filter((b) => b.flight_id === flight.flight_id);
  const business = mine.filter((b) => cabinOfFare(b.fare_class) === 'BUSINESS').length;
  const economy = mine.length - business;
  const nearlyFull = random() < 0.15;
  const economyCapacity = Math.max(capacity.ECONOMY, economy);
  return {
    BUSINESS: { capacity: Math.max(capacity.BUSINESS, business), booked: business, held: 0 },
    ECONOMY: {
      capacity: economyCapacity,
      booked: nearlyFull ? Math.max(economy, economyCapacity - Math.floor(random() * 4)) : economy,
      held: 0,
    },
  };
}
