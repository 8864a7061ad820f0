import type { CareItem, RightsCase } from '../../../src/domain/rights/rights-case.ts';
import type { Regime } from '../../../src/domain/rights/rule-sets.ts';

/**
 * Golden cases, each written from the text of the regulation or its guidance (the `source`),
 * not from the engine's output. A case fixes only the fields it is about.
 */
export interface GoldenCase {
  name: string;
  source: string;
  input: RightsCase;
  distanceKm?: number;
  effectiveDates?: Record<string, string>;
  expect: Partial<Record<Regime, Expectation>>;
}

interface Expectation {
  applies?: boolean;
  compensation?: readonly [number, string] | null;
  refund?: boolean;
  care?: CareItem[];
  review?: boolean;
  rule_set?: string | null;
}

type Carrier = RightsCase['carrier'];
const EU: Carrier = { region: 'EU', size: 'large' };
const UK: Carrier = { region: 'UK', size: 'large' };
const CA: Carrier = { region: 'CA', size: 'large' };
const CA_SMALL: Carrier = { region: 'CA', size: 'small' };
const US: Carrier = { region: 'US', size: 'large' };
const OTHER: Carrier = { region: 'OTHER', size: 'large' };

const DEP = '2026-06-10T08:00:00Z';
const ARR = '2026-06-10T16:00:00Z';
const MEALS: CareItem[] = ['MEALS', 'COMMUNICATION'];
const HOTEL: CareItem[] = ['MEALS', 'COMMUNICATION', 'HOTEL', 'HOTEL_TRANSPORT'];

function at(base: string, minutes: number): string {
  return new Date(Date.parse(base) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

function delay(route: string, carrier: Carrier, minutes: number, cause = 'TECHNICAL'): RightsCase {
  const [origin = '', destination = ''] = route.split('-');
  return {
    origin,
    destination,
    carrier,
    scheduled_departure: DEP,
    scheduled_arrival: ARR,
    disruption: { type: 'DELAY', arrival_delay_minutes: minutes, cause },
  };
}

/** A cancellation told `notice` days ahead, rerouted leaving `early` min before and arriving `late` min after. */
function cancel(
  route: string,
  carrier: Carrier,
  notice: number,
  reroute?: { early: number; late: number },
  cause = 'TECHNICAL',
): RightsCase {
  const [origin = '', destination = ''] = route.split('-');
  return {
    origin,
    destination,
    carrier,
    scheduled_departure: DEP,
    scheduled_arrival: ARR,
    disruption: {
      type: 'CANCELLED',
      cause,
      notice_days: notice,
      ...(reroute
        ? { reroute: { departure: at(DEP, -reroute.early), arrival: at(ARR, reroute.late) } }
        : {}),
    },
  };
}

const ART7 = 'Reg. 261/2004 Art. 7(1)';
const STURGEON = 'CJEU C-402/07 Sturgeon (3 h arrival delay), Art. 6(1) care';
const ART5 = 'Reg. 261/2004 Art. 5(1)(c)(i)–(iii)';
const ART72 = 'Reg. 261/2004 Art. 7(2)';
const ART53 = 'Reg. 261/2004 Art. 5(3), recital 14';
const ART3 = 'Reg. 261/2004 Art. 3(1)';
const UK261 = 'UK261 (SI 2019/278) Art. 3 and 7';
const APPR19 = 'APPR s. 19(1)';
const APPR_CTRL = 'APPR ss. 10–12, 14';
const DOT = '14 CFR 260.2 and 260.6';

export const GOLDEN_CASES: GoldenCase[] = [
  // EU261 delays: thresholds by band (Art. 6(1), 7(1), Sturgeon)
  {
    name: 'short-haul 2 h 59 min late: care, no compensation',
    source: STURGEON,
    input: delay('CDG-FCO', EU, 179),
    expect: { EU261: { applies: true, compensation: null, care: MEALS, refund: false } },
  },
  {
    name: 'short-haul 3 h late: €250',
    source: STURGEON,
    input: delay('CDG-FCO', EU, 180),
    expect: { EU261: { compensation: [250, 'EUR'] } },
  },
  {
    name: 'short-haul 1 h 59 min late: no care yet',
    source: 'Reg. 261/2004 Art. 6(1)(a)',
    input: delay('CDG-FCO', EU, 119),
    expect: { EU261: { care: [], compensation: null } },
  },
  {
    name: 'short-haul 2 h late: care',
    source: 'Reg. 261/2004 Art. 6(1)(a)',
    input: delay('CDG-FCO', EU, 120),
    expect: { EU261: { care: MEALS } },
  },
  {
    name: 'medium-haul outside the EU 3 h late: €400 and care',
    source: ART7,
    input: delay('FRA-IST', EU, 180),
    expect: { EU261: { compensation: [400, 'EUR'], care: MEALS } },
  },
  {
    name: 'medium-haul 2 h 59 min late: no care before 3 h',
    source: 'Reg. 261/2004 Art. 6(1)(b)',
    input: delay('FRA-IST', EU, 179),
    expect: { EU261: { compensation: null, care: [] } },
  },
  {
    name: 'intra-EU over 1,500 km 3 h 20 min late: €400',
    source: 'Reg. 261/2004 Art. 7(1)(b)',
    input: delay('FRA-LIS', EU, 200),
    expect: { EU261: { compensation: [400, 'EUR'] } },
  },
  {
    name: 'intra-EU over 3,500 km stays in the €400 band',
    source: 'Reg. 261/2004 Art. 7(1)(b)',
    input: delay('HEL-TFS', EU, 200),
    expect: { EU261: { compensation: [400, 'EUR'], care: MEALS } },
  },
  {
    name: 'long-haul 3 h late: €300 (50% under Art. 7(2)(c))',
    source: 'CJEU C-402/07 Sturgeon para. 63; Art. 7(2)(c)',
    input: delay('FRA-JFK', EU, 180),
    expect: { EU261: { compensation: [300, 'EUR'] } },
  },
  {
    name: 'long-haul 3 h 59 min late: €300, no care before 4 h',
    source: 'Reg. 261/2004 Art. 6(1)(c), 7(2)(c)',
    input: delay('FRA-JFK', EU, 239),
    expect: { EU261: { compensation: [300, 'EUR'], care: [] } },
  },
  {
    name: 'long-haul 4 h late: €600 and care',
    source: ART7,
    input: delay('FRA-JFK', EU, 240),
    expect: { EU261: { compensation: [600, 'EUR'], care: MEALS } },
  },
  {
    name: 'long-haul 4 h 59 min late: no refund right yet',
    source: 'Reg. 261/2004 Art. 6(1)(iii)',
    input: delay('FRA-JFK', EU, 299),
    expect: { EU261: { refund: false } },
  },
  {
    name: 'long-haul 5 h late: refund right',
    source: 'Reg. 261/2004 Art. 6(1)(iii), 8(1)(a)',
    input: delay('FRA-JFK', EU, 300),
    expect: { EU261: { refund: true, compensation: [600, 'EUR'] } },
  },
  {
    name: 'delay into the next local day: hotel and transfer',
    source: 'Reg. 261/2004 Art. 6(1)(ii), 9(1)(b)–(c)',
    input: delay('FRA-JFK', EU, 900),
    expect: { EU261: { care: HOTEL } },
  },
  // Distance boundaries (Art. 7(1): "1500 kilometres or less", "between 1500 and 3500")
  {
    name: 'exactly 1,500 km: €250 band',
    source: 'Reg. 261/2004 Art. 7(1)(a)',
    input: delay('FRA-IST', EU, 200),
    distanceKm: 1500,
    expect: { EU261: { compensation: [250, 'EUR'] } },
  },
  {
    name: '1,500.1 km: €400 band',
    source: 'Reg. 261/2004 Art. 7(1)(b)',
    input: delay('FRA-IST', EU, 200),
    distanceKm: 1500.1,
    expect: { EU261: { compensation: [400, 'EUR'] } },
  },
  {
    name: 'exactly 3,500 km: €400 band',
    source: 'Reg. 261/2004 Art. 7(1)(b)',
    input: delay('FRA-JFK', EU, 300),
    distanceKm: 3500,
    expect: { EU261: { compensation: [400, 'EUR'] } },
  },
  {
    name: '3,500.1 km outside the EU: €600 band',
    source: 'Reg. 261/2004 Art. 7(1)(c)',
    input: delay('FRA-JFK', EU, 300),
    distanceKm: 3500.1,
    expect: { EU261: { compensation: [600, 'EUR'] } },
  },
  {
    name: '3,500.1 km within the EU: still €400',
    source: 'Reg. 261/2004 Art. 7(1)(b)',
    input: delay('FRA-LIS', EU, 300),
    distanceKm: 3500.1,
    expect: { EU261: { compensation: [400, 'EUR'] } },
  },
  // Causes (Art. 5(3); the Court on technical faults, strikes, bird strikes; care always)
  {
    name: 'weather: no compensation, care and refund remain',
    source: `${ART53}; CJEU C-12/11 McDonagh`,
    input: delay('FRA-JFK', EU, 300, 'WEATHER'),
    expect: { EU261: { compensation: null, care: MEALS, refund: true } },
  },
  {
    name: 'air traffic control: extraordinary',
    source: ART53,
    input: delay('FRA-JFK', EU, 300, 'ATC'),
    expect: { EU261: { compensation: null, care: MEALS } },
  },
  {
    name: 'security risk: extraordinary',
    source: ART53,
    input: delay('FRA-JFK', EU, 300, 'SECURITY'),
    expect: { EU261: { compensation: null } },
  },
  {
    name: 'bird strike: extraordinary',
    source: 'CJEU C-315/15 Pešková',
    input: delay('FRA-JFK', EU, 300, 'BIRD_STRIKE'),
    expect: { EU261: { compensation: null } },
  },
  {
    name: 'strike outside the carrier (airport, ATC staff): extraordinary',
    source: ART53,
    input: delay('FRA-JFK', EU, 300, 'STRIKE_EXTERNAL'),
    expect: { EU261: { compensation: null } },
  },
  {
    name: "the carrier's own staff strike: not extraordinary",
    source: 'CJEU C-28/20 Airhelp v SAS; C-195/17 Krüsemann',
    input: delay('FRA-JFK', EU, 300, 'CREW'),
    expect: { EU261: { compensation: [600, 'EUR'] } },
  },
  {
    name: 'technical fault: not extraordinary',
    source: 'CJEU C-549/07 Wallentin-Hermann',
    input: delay('FRA-JFK', EU, 300, 'TECHNICAL'),
    expect: { EU261: { compensation: [600, 'EUR'] } },
  },
  {
    name: 'commercial decision: not extraordinary',
    source: ART53,
    input: delay('FRA-JFK', EU, 300, 'COMMERCIAL'),
    expect: { EU261: { compensation: [600, 'EUR'] } },
  },
  {
    name: 'operational reasons: not extraordinary',
    source: ART53,
    input: delay('FRA-JFK', EU, 300, 'OPERATIONAL'),
    expect: { EU261: { compensation: [600, 'EUR'], review: false } },
  },
  {
    name: 'unknown reason: within control, flagged for review',
    source: 'Art. 5(3): burden of proof on the carrier',
    input: delay('FRA-JFK', EU, 300, 'OTHER'),
    expect: { EU261: { compensation: [600, 'EUR'], review: true }, APPR: { applies: false } },
  },
  {
    name: 'operations reason MECHANICAL reads as a technical fault',
    source: 'CJEU C-257/14 van der Lans',
    input: delay('FRA-JFK', EU, 300, 'MECHANICAL'),
    expect: { EU261: { compensation: [600, 'EUR'], review: false } },
  },
  // Scope (Art. 3(1))
  {
    name: 'into the EU on an EU carrier: covered',
    source: `${ART3}(b)`,
    input: delay('JFK-FRA', EU, 300),
    expect: { EU261: { applies: true, compensation: [600, 'EUR'] }, DOT: { applies: true } },
  },
  {
    name: 'into the EU on a US carrier: not covered',
    source: `${ART3}(b)`,
    input: delay('JFK-FRA', US, 300),
    expect: { EU261: { applies: false, compensation: null } },
  },
  {
    name: 'out of the EU on a US carrier: covered',
    source: `${ART3}(a)`,
    input: delay('FRA-JFK', US, 300),
    expect: { EU261: { applies: true, compensation: [600, 'EUR'] } },
  },
  {
    name: 'Paris to London on a US carrier: EU261, not UK261',
    source: `${ART3}(a); ${UK261}`,
    input: delay('CDG-LHR', US, 200),
    expect: { EU261: { compensation: [250, 'EUR'] }, UK261: { applies: false } },
  },
  {
    name: 'London to Paris on a UK carrier: UK261, not EU261',
    source: `${UK261}; ${ART3}(b)`,
    input: delay('LHR-CDG', UK, 200),
    expect: { UK261: { compensation: [220, 'GBP'] }, EU261: { applies: false } },
  },
  {
    name: 'London to Paris on an EU carrier: both regulations',
    source: `${UK261}; ${ART3}(b)`,
    input: delay('LHR-CDG', EU, 200),
    expect: { UK261: { compensation: [220, 'GBP'] }, EU261: { compensation: [250, 'EUR'] } },
  },
  {
    name: 'Dubai to Frankfurt on an EU carrier: covered',
    source: `${ART3}(b)`,
    input: delay('DXB-FRA', EU, 300),
    expect: { EU261: { compensation: [600, 'EUR'] } },
  },
  {
    name: 'Dubai to Frankfurt on another carrier: not covered',
    source: `${ART3}(b)`,
    input: delay('DXB-FRA', OTHER, 300),
    expect: { EU261: { applies: false } },
  },
  {
    name: 'Zurich departures: covered by the EU–Swiss agreement',
    source: 'EU–Switzerland Air Transport Agreement, Annex',
    input: delay('ZRH-JFK', US, 300),
    expect: { EU261: { applies: true, compensation: [600, 'EUR'] } },
  },
  {
    name: 'Keflavik departures: covered through the EEA',
    source: 'EEA Agreement, Annex XIII',
    input: delay('KEF-JFK', US, 300),
    expect: { EU261: { applies: true } },
  },
  {
    name: 'Cancún to Madrid on another carrier: not covered',
    source: `${ART3}(b)`,
    input: delay('CUN-MAD', OTHER, 300),
    expect: {
      EU261: { applies: false },
      UK261: { applies: false },
      APPR: { applies: false },
      DOT: { applies: false },
    },
  },
  // UK261
  {
    name: 'UK domestic 3 h late: £220',
    source: UK261,
    input: delay('LHR-EDI', UK, 180),
    expect: { UK261: { compensation: [220, 'GBP'], care: MEALS } },
  },
  {
    name: 'London to Istanbul 3 h late: £350',
    source: UK261,
    input: delay('LHR-IST', UK, 180),
    expect: { UK261: { compensation: [350, 'GBP'] } },
  },
  {
    name: 'London to New York 3 h 20 min late: £260',
    source: `${UK261}, Art. 7(2)(c)`,
    input: delay('LHR-JFK', UK, 200),
    expect: { UK261: { compensation: [260, 'GBP'] } },
  },
  {
    name: 'London to New York 4 h late: £520',
    source: UK261,
    input: delay('LHR-JFK', UK, 240),
    expect: { UK261: { compensation: [520, 'GBP'] } },
  },
  {
    name: 'New York to London on a UK carrier: £520',
    source: `${UK261} Art. 3(1)(b)`,
    input: delay('JFK-LHR', UK, 300),
    expect: { UK261: { compensation: [520, 'GBP'] } },
  },
  {
    name: 'New York to London on a US carrier: not covered',
    source: `${UK261} Art. 3(1)(b)`,
    input: delay('JFK-LHR', US, 300),
    expect: { UK261: { applies: false } },
  },
  {
    name: 'UK weather delay: no compensation, care stays',
    source: `${UK261} Art. 5(3)`,
    input: delay('LHR-JFK', UK, 300, 'WEATHER'),
    expect: { UK261: { compensation: null, care: MEALS, refund: true } },
  },
  // EU261 cancellations: notice periods and reroutes (Art. 5(1)(c), 7(2))
  {
    name: 'told 14 days ahead: no compensation, refund right',
    source: ART5,
    input: cancel('FRA-JFK', EU, 14),
    expect: { EU261: { compensation: null, refund: true, care: [] } },
  },
  {
    name: 'told 13 days ahead, no reroute: €600',
    source: ART5,
    input: cancel('FRA-JFK', EU, 13),
    expect: { EU261: { compensation: [600, 'EUR'], refund: true, care: MEALS } },
  },
  {
    name: 'told 13 days ahead, reroute 2 h early and 3 h 59 min late: none',
    source: `${ART5}(ii)`,
    input: cancel('FRA-JFK', EU, 13, { early: 120, late: 239 }),
    expect: { EU261: { compensation: null } },
  },
  {
    name: 'told 13 days ahead, reroute 2 h 1 min early: compensation, halved',
    source: `${ART5}(ii); ${ART72}`,
    input: cancel('FRA-JFK', EU, 13, { early: 121, late: 60 }),
    expect: { EU261: { compensation: [300, 'EUR'] } },
  },
  {
    name: 'told 13 days ahead, reroute 4 h late: compensation, halved',
    source: `${ART5}(ii); ${ART72}(c)`,
    input: cancel('FRA-JFK', EU, 13, { early: 0, late: 240 }),
    expect: { EU261: { compensation: [300, 'EUR'] } },
  },
  {
    name: 'told 7 days ahead, reroute within the window: none',
    source: `${ART5}(ii)`,
    input: cancel('FRA-JFK', EU, 7, { early: 120, late: 239 }),
    expect: { EU261: { compensation: null } },
  },
  {
    name: 'told 6 days ahead, reroute 1 h early and 1 h 59 min late: none',
    source: `${ART5}(iii)`,
    input: cancel('FRA-JFK', EU, 6, { early: 60, late: 119 }),
    expect: { EU261: { compensation: null } },
  },
  {
    name: 'told 6 days ahead, reroute 1 h 1 min early: compensation, halved',
    source: `${ART5}(iii); ${ART72}`,
    input: cancel('FRA-JFK', EU, 6, { early: 61, late: 60 }),
    expect: { EU261: { compensation: [300, 'EUR'] } },
  },
  {
    name: 'told 6 days ahead, reroute 2 h late: compensation, halved',
    source: `${ART5}(iii); ${ART72}`,
    input: cancel('FRA-JFK', EU, 6, { early: 0, late: 120 }),
    expect: { EU261: { compensation: [300, 'EUR'] } },
  },
  {
    name: 'cancelled on the day, reroute 5 h late: full €600',
    source: `${ART5}; ${ART72}(c)`,
    input: cancel('FRA-JFK', EU, 0, { early: 0, late: 300 }),
    expect: { EU261: { compensation: [600, 'EUR'], refund: true } },
  },
  {
    name: 'short-haul reroute 2 h late: halved to €125',
    source: `${ART72}(a)`,
    input: cancel('CDG-FCO', EU, 0, { early: 0, late: 120 }),
    expect: { EU261: { compensation: [125, 'EUR'] } },
  },
  {
    name: 'short-haul reroute 2 h 1 min late: full €250',
    source: `${ART72}(a)`,
    input: cancel('CDG-FCO', EU, 0, { early: 0, late: 121 }),
    expect: { EU261: { compensation: [250, 'EUR'] } },
  },
  {
    name: 'medium-haul reroute 3 h late: halved to €200',
    source: `${ART72}(b)`,
    input: cancel('FRA-IST', EU, 0, { early: 0, late: 180 }),
    expect: { EU261: { compensation: [200, 'EUR'] } },
  },
  {
    name: 'medium-haul reroute 3 h 1 min late: full €400',
    source: `${ART72}(b)`,
    input: cancel('FRA-IST', EU, 0, { early: 0, late: 181 }),
    expect: { EU261: { compensation: [400, 'EUR'] } },
  },
  {
    name: 'weather cancellation: no compensation, refund and care',
    source: `${ART53}; CJEU C-12/11 McDonagh`,
    input: cancel('FRA-JFK', EU, 0, undefined, 'WEATHER'),
    expect: { EU261: { compensation: null, refund: true, care: MEALS } },
  },
  {
    name: 'cancellation rerouted to the next day: hotel',
    source: 'Reg. 261/2004 Art. 5(1)(b), 9(1)(b)–(c)',
    input: cancel('FRA-JFK', EU, 0, { early: -1440, late: 1440 }),
    expect: { EU261: { care: HOTEL, compensation: [600, 'EUR'] } },
  },
  {
    name: 'UK cancellation told 3 days ahead, no reroute: £520',
    source: `${UK261} Art. 5(1)(c)`,
    input: cancel('LHR-JFK', UK, 3),
    expect: { UK261: { compensation: [520, 'GBP'], refund: true } },
  },
  // Canada (APPR)
  {
    name: 'APPR 2 h 59 min late within control: care, no compensation',
    source: APPR_CTRL,
    input: delay('YYZ-YVR', CA, 179, 'COMMERCIAL'),
    expect: { APPR: { applies: true, compensation: null, care: MEALS, refund: false } },
  },
  {
    name: 'APPR 3 h late, large carrier: CAD 400 and refund right',
    source: APPR19,
    input: delay('YYZ-YVR', CA, 180, 'COMMERCIAL'),
    expect: { APPR: { compensation: [400, 'CAD'], refund: true } },
  },
  {
    name: 'APPR 5 h 59 min late, large carrier: CAD 400',
    source: APPR19,
    input: delay('YYZ-YVR', CA, 359, 'CREW'),
    expect: { APPR: { compensation: [400, 'CAD'] } },
  },
  {
    name: 'APPR 6 h late, large carrier: CAD 700',
    source: APPR19,
    input: delay('YYZ-YVR', CA, 360, 'CREW'),
    expect: { APPR: { compensation: [700, 'CAD'] } },
  },
  {
    name: 'APPR 8 h 59 min late, large carrier: CAD 700',
    source: APPR19,
    input: delay('YYZ-YVR', CA, 539, 'CREW'),
    expect: { APPR: { compensation: [700, 'CAD'] } },
  },
  {
    name: 'APPR 9 h late, large carrier: CAD 1,000',
    source: APPR19,
    input: delay('YYZ-YVR', CA, 540, 'CREW'),
    expect: { APPR: { compensation: [1000, 'CAD'] } },
  },
  {
    name: 'APPR 3 h late, small carrier: CAD 125',
    source: 'APPR s. 19(1)(b)',
    input: delay('YYZ-YVR', CA_SMALL, 180, 'CREW'),
    expect: { APPR: { compensation: [125, 'CAD'] } },
  },
  {
    name: 'APPR 6 h late, small carrier: CAD 250',
    source: 'APPR s. 19(1)(b)',
    input: delay('YYZ-YVR', CA_SMALL, 360, 'CREW'),
    expect: { APPR: { compensation: [250, 'CAD'] } },
  },
  {
    name: 'APPR 9 h late, small carrier: CAD 500',
    source: 'APPR s. 19(1)(b)',
    input: delay('YYZ-YVR', CA_SMALL, 540, 'CREW'),
    expect: { APPR: { compensation: [500, 'CAD'] } },
  },
  {
    name: 'APPR weather: outside control, no care, refund alternative',
    source: 'APPR s. 10',
    input: delay('YYZ-YVR', CA, 600, 'WEATHER'),
    expect: { APPR: { compensation: null, care: [], refund: true } },
  },
  {
    name: 'APPR mechanical fault required for safety: care, no compensation',
    source: 'APPR s. 11, 14',
    input: delay('YYZ-YVR', CA, 600, 'TECHNICAL'),
    expect: { APPR: { compensation: null, care: MEALS, refund: true } },
  },
  {
    name: 'APPR unknown cause: within control, flagged',
    source: 'Canada Transportation Act s. 86.11',
    input: delay('YYZ-YVR', CA, 600, 'OTHER'),
    expect: { APPR: { compensation: [1000, 'CAD'], review: true } },
  },
  {
    name: 'APPR 1 h 59 min late: no care yet',
    source: 'APPR s. 14(1)',
    input: delay('YYZ-YVR', CA, 119, 'CREW'),
    expect: { APPR: { care: [] } },
  },
  {
    name: 'APPR cancellation told 14 days ahead, rebooked 3 h 20 min late: CAD 400',
    source: APPR19,
    input: cancel('YYZ-YVR', CA, 14, { early: 0, late: 200 }, 'CREW'),
    expect: { APPR: { compensation: [400, 'CAD'], refund: true } },
  },
  {
    name: 'APPR cancellation told 15 days ahead: no compensation',
    source: APPR19,
    input: cancel('YYZ-YVR', CA, 15, { early: 0, late: 200 }, 'CREW'),
    expect: { APPR: { compensation: null, refund: true } },
  },
  {
    name: 'APPR cancellation refunded, large carrier: CAD 400 minimum',
    source: 'APPR s. 19(4)',
    input: cancel('YYZ-YVR', CA, 0, undefined, 'COMMERCIAL'),
    expect: { APPR: { compensation: [400, 'CAD'], refund: true, care: MEALS } },
  },
  {
    name: 'APPR cancellation refunded, small carrier: CAD 125 minimum',
    source: 'APPR s. 19(4)',
    input: cancel('YYZ-YVR', CA_SMALL, 0, undefined, 'COMMERCIAL'),
    expect: { APPR: { compensation: [125, 'CAD'] } },
  },
  {
    name: 'London to Toronto: UK261 and APPR both apply',
    source: `${UK261}; APPR s. 1(2)`,
    input: delay('LHR-YYZ', UK, 300, 'CREW'),
    expect: {
      UK261: { compensation: [520, 'GBP'] },
      APPR: { compensation: [400, 'CAD'] },
      EU261: { applies: false },
    },
  },
  // US DOT (2024 rule)
  {
    name: 'DOT domestic 2 h 59 min late: not a significant change',
    source: DOT,
    input: delay('DAL-HOU', US, 179),
    expect: { DOT: { applies: true, refund: false, compensation: null, care: [] } },
  },
  {
    name: 'DOT domestic 3 h late: refund if declined',
    source: DOT,
    input: delay('DAL-HOU', US, 180),
    expect: { DOT: { refund: true, compensation: null } },
  },
  {
    name: 'DOT cancellation: refund whatever the cause',
    source: '14 CFR 260.6(a)(1)',
    input: cancel('DAL-HOU', US, 0, undefined, 'WEATHER'),
    expect: { DOT: { refund: true } },
  },
  {
    name: 'DOT international 5 h 59 min late: no refund right',
    source: DOT,
    input: delay('JFK-LHR', US, 359),
    expect: { DOT: { refund: false } },
  },
  {
    name: 'DOT international 6 h late: refund right',
    source: DOT,
    input: delay('JFK-LHR', US, 360),
    expect: { DOT: { refund: true } },
  },
  {
    name: 'DOT Toronto to New York 6 h late: international threshold',
    source: DOT,
    input: delay('YYZ-JFK', CA, 360, 'CREW'),
    expect: { DOT: { refund: true }, APPR: { compensation: [700, 'CAD'] } },
  },
  {
    name: 'DOT before 28 October 2024: no rule set in force',
    source: '89 FR 32760, effective date',
    input: {
      ...delay('DAL-HOU', US, 600),
      scheduled_departure: '2024-10-27T08:00:00Z',
      scheduled_arrival: '2024-10-27T09:00:00Z',
    },
    expect: { DOT: { applies: false, refund: false, rule_set: null } },
  },
  {
    name: 'DOT from 28 October 2024: in force',
    source: '89 FR 32760, effective date',
    input: {
      ...delay('DAL-HOU', US, 600),
      scheduled_departure: '2024-10-28T08:00:00Z',
      scheduled_arrival: '2024-10-28T09:00:00Z',
    },
    expect: { DOT: { applies: true, refund: true, rule_set: 'DOT-2024' } },
  },
  // The EU261 revision as its own rule set, from its configured date
  {
    name: 'revision not configured: judged by the 2004 rules',
    source: 'EU261 revision, effective date not yet published',
    input: delay('FRA-JFK', EU, 200),
    expect: { EU261: { rule_set: 'EU261-2004', compensation: [300, 'EUR'] } },
  },
  {
    name: 'revision in force: €300 for 3–4 h beyond 3,500 km',
    source: 'EU261 revision (2026): €300 for 3–4 h beyond 3,500 km',
    input: delay('FRA-JFK', EU, 200),
    effectiveDates: { 'EU261-2026': '2026-01-01' },
    expect: { EU261: { rule_set: 'EU261-2026', compensation: [300, 'EUR'] } },
  },
  {
    name: 'revision keeps the €250 band and the 3 h threshold',
    source: 'EU261 revision (2026)',
    input: delay('CDG-FCO', EU, 180),
    effectiveDates: { 'EU261-2026': '2026-01-01' },
    expect: { EU261: { rule_set: 'EU261-2026', compensation: [250, 'EUR'] } },
  },
  {
    name: 'revision configured later than the flight: 2004 rules',
    source: 'judged by the rules in force on the scheduled departure date',
    input: delay('FRA-JFK', EU, 300),
    effectiveDates: { 'EU261-2026': '2026-06-11' },
    expect: { EU261: { rule_set: 'EU261-2004' } },
  },
];
