import { describe, expect, it } from 'vitest';
import { airports } from '../../../src/domain/airports/airport-reference.ts';
import type { Offer, OfferOption } from '../../../src/domain/rebooking/offer.ts';
import { judgeRights } from '../../../src/domain/rights/judge-rights.ts';
import {
  type BookedTrip,
  rebookingOutcomeOf,
  withRebooking,
} from '../../../src/domain/rights/rebooking-outcome.ts';
import type { RightsCase } from '../../../src/domain/rights/rights-case.ts';
import type { Regime } from '../../../src/domain/rights/rule-sets.ts';
import { cancellationOffer } from '../../support/cancellation-offer.ts';

/**
 * Golden cases for cancellations judged with what rebooking did: each offer, option and expected
 * verdict is written from the regulation's text (the `source`), not from the engine's output.
 */
const DEP = '2026-06-10T08:00:00Z';
const ARR = '2026-06-10T10:00:00Z';
const at = (base: string, minutes: number) =>
  new Date(Date.parse(base) + minutes * 60_000).toISOString();

function cancelled(route: string, notice = 0, cause = 'CREW'): RightsCase {
  const [origin = '', destination = ''] = route.split('-');
  return {
    origin,
    destination,
    carrier: { region: 'US', size: 'large' },
    scheduled_departure: DEP,
    scheduled_arrival: ARR,
    disruption: { type: 'CANCELLED', cause, notice_days: notice },
  };
}

/** An option leaving `early` minutes before the booked departure and arriving `late` after. */
function option(
  id: string,
  route: string,
  early: number,
  late: number,
  extra: Partial<OfferOption> = {},
): OfferOption {
  const stops = route.split('-');
  const legs = stops.slice(1).map((destination, i) => ({
    flight_id: `SW${7000 + i}`,
    origin: stops[i] as string,
    destination,
    departure: at(DEP, -early + i * 90),
    arrival: i === stops.length - 2 ? at(ARR, late) : at(DEP, -early + i * 90 + 60),
    cabin: 'ECONOMY' as const,
  }));
  return {
    option_id: id,
    rank: Number(id.slice(-1)),
    segments: legs,
    arrival_delay_minutes: Math.max(0, late),
    held: false,
    ...extra,
  };
}

function offer(options: OfferOption[], patch: Partial<Offer> = {}): Offer {
  const ids = {
    offer_id: 'OFR-TEST-0000001',
    flight_id: 'SW4200',
    event_id: 'evt-1',
    booking_id: 'B1',
    passenger_id: 'P1',
  };
  return cancellationOffer(ids, at(DEP, -60), {
    options,
    ...(options[0] ? { held_option_id: options[0].option_id } : {}),
    ...patch,
  });
}

interface Golden {
  name: string;
  source: string;
  rightsCase: RightsCase;
  offer: Offer;
  trip?: BookedTrip;
  basis: 'OFFERED' | 'BOOKED' | 'DECLINED' | null;
  expect: Partial<Record<Regime, readonly [number, string] | null>>;
  refund?: Partial<Record<Regime, boolean>>;
}

const UK5 = 'UK261 Art. 5(1)(c)(iii): told under 7 days, rerouted ≤ 1 h early and < 2 h late';
const UK72 = 'UK261 Art. 7(2)(a): rerouting arriving within 2 h halves £220';
const EU5ii = 'Reg. 261/2004 Art. 5(1)(c)(ii): told 7–13 days, rerouted ≤ 2 h early and < 4 h late';
const EU72 = 'Reg. 261/2004 Art. 7(2)(c): beyond 3,500 km, rerouting within 4 h halves €600';
const APPR19 = 'APPR s. 19(1)(a): large carrier, by arrival delay at the destination';
const APPR194 = 'APPR s. 19(4): refund instead of rebooking, the minimum compensation';

const GOLDEN: Golden[] = [
  {
    name: 'UK, told on the day, offered a flight arriving 1 h 59 min late: no compensation',
    source: UK5,
    rightsCase: cancelled('LHR-EDI'),
    offer: offer([option('O1', 'LHR-EDI', -30, 119)]),
    basis: 'OFFERED',
    expect: { UK261: null },
    refund: { UK261: true },
  },
  {
    name: 'UK, offered a flight arriving exactly 2 h late: not exempt, halved to £110',
    source: `${UK5}; ${UK72}`,
    rightsCase: cancelled('LHR-EDI'),
    offer: offer([option('O1', 'LHR-EDI', -30, 120)]),
    basis: 'OFFERED',
    expect: { UK261: [110, 'GBP'] },
  },
  {
    name: 'UK, offered a flight arriving 2 h 1 min late: full £220',
    source: UK72,
    rightsCase: cancelled('LHR-EDI'),
    offer: offer([option('O1', 'LHR-EDI', -30, 121)]),
    basis: 'OFFERED',
    expect: { UK261: [220, 'GBP'] },
  },
  {
    name: 'UK, offered a flight leaving 1 h 1 min early: not exempt, halved',
    source: `${UK5}; ${UK72}`,
    rightsCase: cancelled('LHR-EDI'),
    offer: offer([option('O1', 'LHR-EDI', 61, 30)]),
    basis: 'OFFERED',
    expect: { UK261: [110, 'GBP'] },
  },
  {
    name: 'the held option decides while the offer is open, not a later-ranked one',
    source: UK5,
    rightsCase: cancelled('LHR-EDI'),
    offer: offer([option('O1', 'LHR-EDI', -30, 90), option('O2', 'LHR-EDI', -300, 300)]),
    basis: 'OFFERED',
    expect: { UK261: null },
  },
  {
    name: 'the booked option decides once booked: 5 h late, full £220',
    source: `${UK72}; the rerouting actually flown`,
    rightsCase: cancelled('LHR-EDI'),
    offer: offer([option('O1', 'LHR-EDI', -30, 90), option('O2', 'LHR-EDI', -300, 300)], {
      status: 'ACCEPTED',
      chosen_option_id: 'O2',
    }),
    basis: 'BOOKED',
    expect: { UK261: [220, 'GBP'] },
  },
  {
    name: 'booked at expiry on the held option arriving 1 h 30 min late: no compensation',
    source: UK5,
    rightsCase: cancelled('LHR-EDI'),
    offer: offer([option('O1', 'LHR-EDI', -30, 90)], {
      status: 'AUTO_REBOOKED',
      chosen_option_id: 'O1',
    }),
    basis: 'BOOKED',
    expect: { UK261: null },
  },
  {
    name: 'sent to an agent with no rerouting settled: judged without one, full £220',
    source: 'UK261 Art. 5(1)(c)(iii) and 7(2) need a rerouting offered',
    rightsCase: cancelled('LHR-EDI'),
    offer: offer([], { status: 'ESCALATED', escalation_reason: 'NO_SEAT_AVAILABLE' }),
    basis: null,
    expect: { UK261: [220, 'GBP'] },
  },
  {
    name: 'EU, told 10 days ahead, rerouted 2 h early and 3 h 59 min late: no compensation',
    source: EU5ii,
    rightsCase: cancelled('FRA-JFK', 10, 'TECHNICAL'),
    offer: offer([option('O1', 'FRA-JFK', 120, 239)]),
    basis: 'OFFERED',
    expect: { EU261: null, DOT: null },
    refund: { EU261: true, DOT: true },
  },
  {
    name: 'EU, told 10 days ahead, rerouted 2 h 1 min early and 4 h late: halved to €300',
    source: `${EU5ii}; ${EU72}`,
    rightsCase: cancelled('FRA-JFK', 10, 'TECHNICAL'),
    offer: offer([option('O1', 'FRA-JFK', 121, 240)]),
    basis: 'OFFERED',
    expect: { EU261: [300, 'EUR'] },
  },
  {
    name: 'EU, refund taken instead of a rerouting 3 h late: the offer still halves it to €300',
    source: `${EU72} ("offered re-routing")`,
    rightsCase: cancelled('FRA-JFK', 0, 'TECHNICAL'),
    offer: offer([option('O1', 'FRA-JFK', -60, 180)], { status: 'DECLINED', answer: 'refund' }),
    basis: 'DECLINED',
    expect: { EU261: [300, 'EUR'] },
    refund: { EU261: true, DOT: true },
  },
  {
    name: 'APPR, booked on a flight arriving 6 h 30 min late (crew): CAD 700',
    source: APPR19,
    rightsCase: cancelled('YYZ-YVR'),
    offer: offer([option('O1', 'YYZ-YVR', -300, 390)], {
      status: 'ACCEPTED',
      chosen_option_id: 'O1',
    }),
    basis: 'BOOKED',
    expect: { APPR: [700, 'CAD'] },
  },
  {
    name: 'APPR, offered a flight arriving 2 h 59 min late: no compensation yet',
    source: 'APPR s. 19(1)(a)(i): from 3 h of arrival delay',
    rightsCase: cancelled('YYZ-YVR'),
    offer: offer([option('O1', 'YYZ-YVR', -120, 179)]),
    basis: 'OFFERED',
    expect: { APPR: null },
    refund: { APPR: true },
  },
  {
    name: 'APPR, the rebooking declined for a refund: the minimum CAD 400',
    source: APPR194,
    rightsCase: cancelled('YYZ-YVR'),
    offer: offer([option('O1', 'YYZ-YVR', -300, 390)], { status: 'DECLINED', answer: 'refund' }),
    basis: 'DECLINED',
    expect: { APPR: [400, 'CAD'] },
  },
  {
    name: 'declined to speak to an agent: no rerouting settled, APPR minimum with the refund',
    source: 'APPR s. 19(4) without a rebooking',
    rightsCase: cancelled('YYZ-YVR'),
    offer: offer([option('O1', 'YYZ-YVR', -300, 390)], { status: 'DECLINED', answer: 'agent' }),
    basis: null,
    expect: { APPR: [400, 'CAD'] },
  },
  {
    name: 'a voluntary (waiver) offer does not reroute a cancellation',
    source: 'only a cancellation is judged with its rerouting',
    rightsCase: cancelled('LHR-EDI'),
    offer: offer([option('O1', 'LHR-EDI', -30, 60)], { reason: 'WAIVER', voluntary: true }),
    basis: null,
    expect: { UK261: [220, 'GBP'] },
  },
];

describe('cancellations judged with the rebooking outcome (golden cases)', () => {
  it.each(GOLDEN.map((g) => [g.name, g] as const))('%s', (_name, golden) => {
    const trip = golden.trip ?? { destination: golden.rightsCase.destination, legs: 1 };
    const outcome = rebookingOutcomeOf(golden.offer, golden.rightsCase, trip);
    expect(outcome?.rebooking.basis ?? null, golden.source).toBe(golden.basis);
    const judged = judgeRights(withRebooking(golden.rightsCase, outcome), { airports });
    for (const [regime, money] of Object.entries(golden.expect)) {
      const r = judged.regimes.find((x) => x.regime === regime);
      expect(r?.applies, regime).toBe(true);
      expect(r?.compensation ? [r.compensation.amount, r.compensation.currency] : null).toEqual(
        money,
      );
    }
    for (const [regime, refund] of Object.entries(golden.refund ?? {}))
      expect(judged.regimes.find((x) => x.regime === regime)?.refund, regime).toBe(refund);
  });

  it('has a source for every case', () => {
    expect(GOLDEN.filter((g) => g.source.length === 0)).toEqual([]);
  });
});

describe('rebookingOutcomeOf', () => {
  const rightsCase = cancelled('PHX-OAK');

  it('flags the DOT significant changes: another airport, more connections, a lower cabin', () => {
    const via = option('O1', 'PHX-LAS-SJC', -30, 200);
    const lower = option('O2', 'PHX-OAK', -30, 60, {
      segments: option('O2', 'PHX-OAK', -30, 60).segments.map((s) => ({ ...s, cabin: 'ECONOMY' })),
    });
    const other = rebookingOutcomeOf(offer([via]), rightsCase, { destination: 'OAK', legs: 1 });
    expect(other?.reroute).toMatchObject({ other_airport: true, more_connections: true });
    const down = rebookingOutcomeOf(offer([lower], { cabin: 'BUSINESS' }), rightsCase, {
      destination: 'OAK',
      legs: 1,
    });
    expect(down?.reroute).toMatchObject({
      other_airport: false,
      more_connections: false,
      downgrade: true,
    });
    const judged = judgeRights(withRebooking(rightsCase, other), { airports });
    expect(judged.regimes.find((r) => r.regime === 'DOT')?.refund).toBe(true);
  });

  it('judges a connecting booking at its final destination: a direct option is no other airport', () => {
    // Booked PHX–OAK then OAK–SEA; the option flies PHX–SEA, 150 min after the original arrival.
    const direct = option('O1', 'PHX-SEA', -30, 150);
    const outcome = rebookingOutcomeOf(offer([direct]), rightsCase, {
      destination: 'SEA',
      legs: 2,
    });
    expect(outcome?.reroute).toMatchObject({
      other_airport: false,
      more_connections: false,
      arrival: at(ARR, 150),
    });
  });

  it('names the option and flights it judged with, and replaces an earlier rerouting', () => {
    const o = offer([option('O1', 'LHR-EDI', -30, 90), option('O2', 'LHR-EDI', -60, 200)], {
      status: 'PENDING_AGENT',
      chosen_option_id: 'O2',
    });
    const outcome = rebookingOutcomeOf(o, cancelled('LHR-EDI'), { destination: 'EDI', legs: 1 });
    expect(outcome?.rebooking).toEqual({
      basis: 'OFFERED',
      offer_id: o.offer_id,
      option_id: 'O2',
      flights: ['SW7000'],
    });
    const once = withRebooking(cancelled('LHR-EDI'), outcome);
    expect(withRebooking(once, null).disruption.reroute).toBeUndefined();
    expect(once.disruption.reroute?.arrival).toBe(at(ARR, 200));
  });
});
