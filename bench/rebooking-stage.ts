/**
 * Rebooking stage of `npm run bench`: options for a 5,000-passenger hub cancellation (the wave
 * allocation, timed) side by side with a naive first-come allocation, then 1,000 concurrent
 * accepts against the real conditional writes on an embedded store.
 */
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../src/adapters/dynamodb/document-client.ts';
import { DynamoDbIdempotencyStore } from '../src/adapters/dynamodb/dynamodb-idempotency-store.ts';
import { DynamoDbOfferStore } from '../src/adapters/dynamodb/dynamodb-offer-store.ts';
import { DynamoDbRebookingBookings } from '../src/adapters/dynamodb/dynamodb-rebooking-bookings.ts';
import { DynamoDbSeatInventory } from '../src/adapters/dynamodb/dynamodb-seat-inventory.ts';
import { ensureTable } from '../src/adapters/dynamodb/ensure-table.ts';
import { SingleTable } from '../src/adapters/dynamodb/single-table.ts';
import { flightItem } from '../src/adapters/dynamodb/table/table-items.ts';
import { startEmbeddedDynamoDb } from '../src/adapters/local/dynamodb/embedded-dynamodb.ts';
import { allocateWave } from '../src/domain/rebooking/allocate-wave.ts';
import { disruptedParties } from '../src/domain/rebooking/disrupted-parties.ts';
import {
  buildNetwork,
  findItineraries,
  fits,
  freeSeatMap,
} from '../src/domain/rebooking/find-itineraries.ts';
import type {
  Party,
  PartyAllocation,
  ScheduledFlight,
} from '../src/domain/rebooking/rebooking-types.ts';
import type { Flight } from '../src/domain/records/flight.ts';
import { createOfferAnswers } from '../src/handlers/answer-offer.ts';
import { generateAirlineDay } from '../src/simulator/generate-airline-day.ts';
import { cancellationOffer } from '../test/support/cancellation-offer.ts';

const scheduled = (f: Flight): ScheduledFlight => ({
  flight_id: f.flight_id,
  origin: f.origin,
  destination: f.destination,
  departure: f.scheduled_departure,
  arrival: f.scheduled_arrival,
  status: f.status,
  seats: f.seats ?? {},
});

/** The parties a hub cancellation leaves: the hub's earliest departures until `passengers` are on them. */
function hubCancellation(seed: number, passengers: number) {
  const day = generateAirlineDay({ flights: 160, passengers: 24_000, seed, hubs: 1 });
  const hub = day.flights[0]?.origin as string;
  const tiers = new Map(day.passengers.map((p) => [p.passenger_id, p.tier]));
  const byFlight = new Map<string, typeof day.bookings>();
  for (const b of day.bookings)
    byFlight.set(b.flight_id, [...(byFlight.get(b.flight_id) ?? []), b]);
  const outbound = day.flights
    .filter((f) => f.origin === hub)
    .sort((a, b) => Date.parse(a.scheduled_departure) - Date.parse(b.scheduled_departure));
  const cancelled: Flight[] = [];
  let count = 0;
  for (const f of outbound) {
    if (count >= passengers) break;
    cancelled.push(f);
    count += byFlight.get(f.flight_id)?.length ?? 0;
  }
  const gone = new Set(cancelled.map((f) => f.flight_id));
  const network = day.flights.filter((f) => !gone.has(f.flight_id)).map(scheduled);
  const parties = cancelled.flatMap((f) =>
    disruptedParties(
      scheduled(f),
      { departure: f.scheduled_departure, arrival: f.scheduled_arrival },
      { kind: 'CANCELLATION' },
      (byFlight.get(f.flight_id) ?? []).map((b) => ({
        ...b,
        tier: tiers.get(b.passenger_id) ?? 'MEMBER',
      })),
    ),
  );
  return { parties, network, flights: cancelled.length, passengers: count };
}

/** First come, first served, one passenger at a time: what a queue of agents without a plan does. */
function naiveFirstCome(parties: Party[], network: ScheduledFlight[]): Map<string, Placement> {
  const net = buildNetwork(network);
  const free = freeSeatMap(network);
  const room = (f: string, c: string) => free.get(`${f}/${c}`) ?? 0;
  const placed = new Map<string, Placement>();
  const people = parties
    .flatMap((p) => p.booking_ids.map((id) => ({ party: p, id })))
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const { party, id } of people) {
    const c = findItineraries(net, party).find((x) => !x.upgrade && fits(x, 1, room));
    if (!c) continue;
    for (const f of c.flights)
      free.set(`${f.flight_id}/${c.cabin}`, room(f.flight_id, c.cabin) - 1);
    placed.set(id, { flights: c.flights.map((f) => f.flight_id), cabin: c.cabin });
  }
  return placed;
}

/** Where each passenger ended up: the flights and cabin of their seat, if any. */
type Placement = { flights: string[]; cabin: string } | undefined;

/**
 * Top-tier passengers left without a seat while MEMBER passengers hold seats that would have
 * made room for them; parties split where a joint option existed.
 */
function judge(
  parties: Party[],
  network: ScheduledFlight[],
  placedOf: (p: Party, id: string) => Placement,
) {
  const net = buildNetwork(network);
  const free = freeSeatMap(network);
  const byMembers = new Map<string, number>();
  for (const p of parties)
    for (const id of p.booking_ids) {
      const at = placedOf(p, id);
      for (const f of at?.flights ?? []) {
        const key = `${f}/${at?.cabin}`;
        free.set(key, (free.get(key) ?? 0) - 1);
        if (p.tier === 'MEMBER') byMembers.set(key, (byMembers.get(key) ?? 0) + 1);
      }
    }
  const withMembers = (f: string, c: string) =>
    (free.get(`${f}/${c}`) ?? 0) + (byMembers.get(`${f}/${c}`) ?? 0);
  const initial = freeSeatMap(network);
  let stranded = 0;
  let split = 0;
  for (const p of parties) {
    const candidates = findItineraries(net, p).filter((c) => !c.upgrade);
    const unplaced = p.booking_ids.filter((id) => !placedOf(p, id));
    if (
      p.tier === 'A-LIST_PREFERRED' &&
      unplaced.length > 0 &&
      candidates.some((c) => fits(c, p.seats_needed, withMembers))
    )
      stranded += unplaced.length;
    if (p.booking_ids.length > 1) {
      const trips = new Set(
        p.booking_ids.map((id) => placedOf(p, id)?.flights.join('+') ?? 'none'),
      );
      const joint = candidates.some((c) =>
        fits(c, p.seats_needed, (f, cab) => initial.get(`${f}/${cab}`) ?? 0),
      );
      if (trips.size > 1 && joint) split++;
    }
  }
  return { stranded_top_tier_passengers: stranded, split_parties: split };
}

function oversold(allocations: PartyAllocation[], network: ScheduledFlight[]): number {
  const free = freeSeatMap(network);
  for (const a of allocations)
    for (const o of a.options.filter((x) => x.held))
      for (const s of o.segments)
        free.set(
          `${s.flight_id}/${s.cabin}`,
          (free.get(`${s.flight_id}/${s.cabin}`) ?? 0) - a.party.seats_needed,
        );
  return [...free.values()].filter((v) => v < 0).length;
}

/** `accepts` concurrent accepts of one option on a flight with `seats` free, through the real stores. */
async function concurrentAccepts(accepts: number, seats: number) {
  const db = await startEmbeddedDynamoDb(undefined);
  const client = createDynamoDbClient({ endpoint: db.endpoint, region: 'us-east-1' });
  await ensureTable(client, 'BenchRebooking');
  const table = new SingleTable(createDocumentClient(client), 'BenchRebooking');
  const flight: Flight = {
    flight_id: 'FP9999',
    origin: 'DEN',
    destination: 'SEA',
    scheduled_departure: '2025-01-15T18:00:00-07:00',
    scheduled_arrival: '2025-01-15T19:30:00-08:00',
    estimated_departure: null,
    estimated_arrival: null,
    actual_departure: null,
    actual_arrival: null,
    status: 'SCHEDULED',
    gate: 'A1',
    aircraft: 'Boeing 737-800',
    delay_minutes: 0,
    delay_reason: null,
    last_event_at: null,
    gate_updated_at: null,
    seats: { ECONOMY: { capacity: 157, booked: 157 - seats, held: 0 } },
  };
  await table.doc.send(
    new (await import('@aws-sdk/lib-dynamodb')).PutCommand({
      TableName: table.name,
      Item: flightItem(flight),
    }),
  );
  const offers = new DynamoDbOfferStore(table);
  const inventory = new DynamoDbSeatInventory(table);
  const clock = { now: () => new Date().toISOString() };
  const answers = createOfferAnswers({
    offers,
    inventory,
    bookings: new DynamoDbRebookingBookings(table),
    idempotency: new DynamoDbIdempotencyStore(table),
    scheduler: { schedule: async () => {}, cancel: async () => {} },
    flights: { getFlight: async () => undefined } as never,
    publisher: { publish: async () => {} },
    clock,
  });
  const now = new Date().toISOString();
  for (let i = 0; i < accepts; i++) {
    const ids = {
      offer_id: `OFR-BENCH${String(i).padStart(5, '0')}-FP9998-X`,
      flight_id: 'FP9998',
      event_id: 'bench',
      booking_id: `B${String(i).padStart(6, '0')}`,
      passenger_id: 'P000001',
    };
    const offer = cancellationOffer(ids, now, {
      party_id: `P${i}`,
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      options: [
        {
          option_id: 'FP9999/ECONOMY',
          rank: 1,
          held: false,
          arrival_delay_minutes: 0,
          segments: [
            {
              flight_id: 'FP9999',
              origin: 'DEN',
              destination: 'SEA',
              departure: flight.scheduled_departure,
              arrival: flight.scheduled_arrival,
              cabin: 'ECONOMY',
            },
          ],
        },
      ],
    });
    await offers.create(offer);
  }
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: accepts }, (_, i) =>
      answers.accept(`OFR-BENCH${String(i).padStart(5, '0')}-FP9998-X`, 'FP9999/ECONOMY', `k${i}`),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = (await inventory.freeSeats(['FP9999'])).get('FP9999/ECONOMY') ?? 0;
  const item = await table.get(
    { PK: 'FLIGHT#FP9999', SK: 'METADATA' },
    (await import('../src/domain/records/flight.ts')).FlightSchema,
  );
  client.destroy();
  await db.close();
  const e = item?.seats?.ECONOMY;
  return {
    accepts,
    seats_available: seats,
    accepted: results.filter((r) => r.status === 201).length,
    rejected_409: results.filter((r) => r.status === 409).length,
    oversold: e ? Math.max(0, e.booked + e.held - e.capacity) : null,
    free_after: after,
    seconds: Math.round(seconds * 100) / 100,
  };
}

const ACCEPTS = 1_000;

export async function rebookingStage(seed: number, log: (line: string) => void) {
  const { parties, network, flights, passengers } = hubCancellation(seed, 5_000);
  log(
    `rebooking: ${passengers} passengers in ${parties.length} parties on ${flights} cancelled flights; ${network.length} flights to rebook onto`,
  );
  const started = performance.now();
  const allocations = allocateWave(parties, network);
  const optionsMs = performance.now() - started;
  const held = new Map(allocations.map((a) => [a.party.party_id, a.options.find((o) => o.held)]));
  const wave = judge(parties, network, (p) => {
    const o = held.get(p.party_id);
    return (
      o && { flights: o.segments.map((s) => s.flight_id), cabin: o.segments[0]?.cabin ?? 'ECONOMY' }
    );
  });
  const naivePlaced = naiveFirstCome(parties, network);
  const naive = judge(parties, network, (_p, id) => naivePlaced.get(id));
  log(`rebooking: options for ${passengers} passengers in ${optionsMs.toFixed(0)} ms`);
  const accepts = await concurrentAccepts(ACCEPTS, 100);
  log(
    `rebooking: ${accepts.accepts} concurrent accepts for ${accepts.seats_available} seats in ${accepts.seconds} s: ${accepts.accepted} booked, ${accepts.rejected_409} × 409, oversold ${accepts.oversold}`,
  );
  return {
    passengers,
    parties: parties.length,
    cancelled_flights: flights,
    options_ms: Math.round(optionsMs),
    offered: allocations.filter((a) => a.options.length > 0).length,
    escalated: allocations.filter((a) => a.escalation).length,
    wave: { ...wave, oversold_cabins: oversold(allocations, network) },
    naive_first_come: { ...naive, placed_passengers: naivePlaced.size },
    concurrent_accepts: accepts,
  };
}
