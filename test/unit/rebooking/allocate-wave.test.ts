import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateWave } from '../../../src/domain/rebooking/allocate-wave.ts';
import { shortestAllowedConnection } from '../../../src/domain/rebooking/connection-times.ts';
import {
  buildNetwork,
  findItineraries,
  fits,
  freeSeatMap,
} from '../../../src/domain/rebooking/find-itineraries.ts';
import type {
  PartyAllocation,
  ScheduledFlight,
} from '../../../src/domain/rebooking/rebooking-types.ts';
import { TIERS } from '../../../src/domain/records/passenger.ts';
import { at, flight, networkArb, partiesArb, party } from './wave-fixtures.ts';

/** Seats each flight/cabin ends up holding, summed over the wave's held options. */
function heldSeats(allocations: PartyAllocation[]): Map<string, number> {
  const held = new Map<string, number>();
  for (const a of allocations)
    for (const o of a.options.filter((x) => x.held))
      for (const s of o.segments) {
        const key = `${s.flight_id}/${s.cabin}`;
        held.set(key, (held.get(key) ?? 0) + a.party.seats_needed);
      }
  return held;
}

describe('allocateWave', () => {
  it('offers up to three options, best arrival first, and holds the best one that fits', () => {
    const flights = [
      flight('SW9014', 'PHX', 'OAK', 780, 840, { capacity: 2, booked: 1 }),
      flight('SW9016', 'PHX', 'OAK', 1125, 1185, { capacity: 150 }),
      flight('SW2210', 'PHX', 'LAS', 720, 780, { capacity: 150 }),
      flight('SW2212', 'LAS', 'OAK', 840, 930, { capacity: 150 }),
      flight('SW9018', 'PHX', 'OAK', 1860, 1920, { capacity: 150 }),
    ];
    const [a] = allocateWave([party('K7QX2M', 'MEMBER')], flights);
    expect(a?.options.map((o) => [o.option_id, o.rank, o.held])).toEqual([
      ['SW9014/ECONOMY', 1, true],
      ['SW2210+SW2212/ECONOMY', 2, false],
      ['SW9016/ECONOMY', 3, false],
    ]);
    expect(a?.options[0]?.arrival_delay_minutes).toBe(180);
  });

  it('gives the last seat to A-LIST PREFERRED, not to the MEMBER who booked first', () => {
    const flights = [flight('SW9014', 'PHX', 'OAK', 780, 840, { capacity: 1 })];
    const result = allocateWave(
      [party('AAAAAA', 'MEMBER'), party('ZZZZZZ', 'A-LIST_PREFERRED')],
      flights,
    );
    const byId = new Map(result.map((a) => [a.party.party_id, a]));
    expect(byId.get('ZZZZZZ')?.options[0]?.held).toBe(true);
    expect(byId.get('AAAAAA')?.options).toEqual([]);
    expect(byId.get('AAAAAA')?.escalation).toBe('NO_SEAT_AVAILABLE');
  });

  it('keeps a party together: a flight with one seat left is no option for three', () => {
    const flights = [
      flight('SW9014', 'PHX', 'OAK', 780, 840, { capacity: 1 }),
      flight('SW9016', 'PHX', 'OAK', 1125, 1185, { capacity: 3 }),
    ];
    const [a] = allocateWave([party('FAMILY', 'MEMBER', { seats: 3 })], flights);
    expect(a?.options.map((o) => o.option_id)).toEqual(['SW9016/ECONOMY']);
  });

  it('escalates a party no flight can take together, with the reason', () => {
    const flights = [flight('SW9014', 'PHX', 'OAK', 780, 840, { capacity: 2 })];
    const [a] = allocateWave([party('FAMILY', 'MEMBER', { seats: 3 })], flights);
    expect(a?.escalation).toBe('PARTY_CANNOT_BE_PLACED');
  });

  it('gives a passenger who needs assistance no tight connection, and says so when that leaves nothing', () => {
    const flights = [
      flight('SW2210', 'PHX', 'LAS', 720, 780, { capacity: 9 }),
      flight('SW2212', 'LAS', 'OAK', 830, 900, { capacity: 9 }),
    ];
    const [helped] = allocateWave(
      [party('WHEELS', 'A-LIST', { needs: { assisted: true, nonStopOnly: false } })],
      flights,
    );
    expect(helped?.options).toEqual([]);
    expect(helped?.escalation).toBe('SPECIAL_NEED_CANNOT_BE_PLACED');
    const [other] = allocateWave([party('PLAIN', 'A-LIST')], flights);
    expect(other?.options.map((o) => o.option_id)).toEqual(['SW2210+SW2212/ECONOMY']);
  });

  it('escalates when nothing arrives within 24 hours of the promised arrival', () => {
    const flights = [flight('SW9018', 'PHX', 'OAK', 2200, 2260, { capacity: 9 })];
    const [a] = allocateWave([party('LATE', 'MEMBER')], flights);
    expect(a?.escalation).toBe('NO_OPTION_WITHIN_24H');
  });

  it('offers an upgrade only for an agent to approve, and never holds it', () => {
    const flights = [flight('SW9014', 'PHX', 'OAK', 780, 840, { capacity: 0 }, { capacity: 4 })];
    const [a] = allocateWave([party('UPGRADE', 'A-LIST')], flights);
    expect(a?.options).toMatchObject([
      { option_id: 'SW9014/BUSINESS', held: false, approval: 'CABIN_UPGRADE' },
    ]);
    expect(a?.escalation).toBeUndefined();
  });

  it('holds nothing for a voluntary offer and never escalates one', () => {
    const flights = [flight('SW9014', 'PHX', 'OAK', 780, 840, { capacity: 5 })];
    const [a] = allocateWave(
      [party('VOL', 'MEMBER', { voluntary: true, reason: 'WAIVER' })],
      flights,
    );
    expect(a?.options.map((o) => o.held)).toEqual([false]);
    const [none] = allocateWave([party('VOL', 'MEMBER', { voluntary: true })], []);
    expect(none?.escalation).toBeUndefined();
  });
});

describe('allocateWave properties', () => {
  const run = (flights: ScheduledFlight[], parties: ReturnType<typeof party>[]) =>
    allocateWave(parties, flights);

  it('never holds more seats than a cabin has free', () => {
    fc.assert(
      fc.property(networkArb, partiesArb, (flights, parties) => {
        const free = freeSeatMap(flights);
        for (const [key, held] of heldSeats(run(flights, parties)))
          expect(held).toBeLessThanOrEqual(free.get(key) ?? 0);
      }),
    );
  });

  it('never strands a party while a lower tier holds seats it could have had', () => {
    fc.assert(
      fc.property(networkArb, partiesArb, (flights, parties) => {
        const result = run(flights, parties);
        const free = freeSeatMap(flights);
        for (const [key, held] of heldSeats(result)) free.set(key, (free.get(key) ?? 0) - held);
        const network = buildNetwork(flights);
        for (const stranded of result.filter((a) => !a.options.some((o) => o.held))) {
          const rank = TIERS.indexOf(stranded.party.tier);
          const lower = heldSeats(result.filter((a) => TIERS.indexOf(a.party.tier) < rank));
          const roomWithLower = (f: string, c: string) =>
            (free.get(`${f}/${c}`) ?? 0) + (lower.get(`${f}/${c}`) ?? 0);
          for (const c of findItineraries(network, stranded.party).filter((x) => !x.upgrade))
            expect(fits(c, stranded.party.seats_needed, roomWithLower)).toBe(false);
        }
      }),
    );
  });

  it('keeps parties whole: every option has room for everyone on the record', () => {
    fc.assert(
      fc.property(networkArb, partiesArb, (flights, parties) => {
        const free = freeSeatMap(flights);
        for (const a of run(flights, parties))
          for (const o of a.options)
            for (const s of o.segments)
              expect(free.get(`${s.flight_id}/${s.cabin}`) ?? 0).toBeGreaterThanOrEqual(
                a.party.seats_needed,
              );
      }),
    );
  });

  it('gives passengers who need assistance no tight connections, and minors non-stops only', () => {
    fc.assert(
      fc.property(networkArb, partiesArb, (flights, parties) => {
        for (const a of run(flights, parties)) {
          for (const o of a.options) {
            if (a.party.needs.nonStopOnly) expect(o.segments).toHaveLength(1);
            const [first, second] = o.segments;
            if (!a.party.needs.assisted || !first || !second) continue;
            const minutes = (Date.parse(second.departure) - Date.parse(first.arrival)) / 60_000;
            expect(minutes).toBeGreaterThanOrEqual(
              shortestAllowedConnection(first.destination, true),
            );
          }
        }
      }),
    );
  });

  it('ranks options by arrival, then fewer connections, never before the trip may start', () => {
    fc.assert(
      fc.property(networkArb, partiesArb, (flights, parties) => {
        for (const a of run(flights, parties)) {
          const arrivals = a.options.map((o) => Date.parse(o.segments.at(-1)?.arrival ?? ''));
          expect(arrivals).toEqual([...arrivals].sort((x, y) => x - y));
          expect(a.options.map((o) => o.rank)).toEqual(a.options.map((_, i) => i + 1));
          for (const o of a.options) {
            expect(Date.parse(o.segments[0]?.departure ?? '')).toBeGreaterThanOrEqual(
              Date.parse(at(600)),
            );
            expect(o.segments.some((s) => s.flight_id === 'SW9012')).toBe(false);
          }
        }
      }),
    );
  });
});
