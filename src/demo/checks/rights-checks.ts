import type { Entitlement } from '../../domain/rights/entitlement.ts';
import type { Regime } from '../../domain/rights/rule-sets.ts';
import { type Check, check } from '../scenario-run.ts';
import { bookingsOf, type CheckContext, liabilityChecks } from './check-context.ts';

type ScenarioChecks = (ctx: CheckContext) => Promise<Check[]>;

/** What the regulation owes each passenger of the scenario, written from its text. */
interface Owed {
  regime: Regime;
  compensation: { amount: number; currency: string } | null;
  refund: boolean;
}

async function entitlementsOn(ctx: CheckContext, flightId: string): Promise<Entitlement[]> {
  const bookings = await bookingsOf(flightId, ctx.api);
  const lists = await Promise.all(
    bookings.map(
      async (b) =>
        (await ctx.api<{ entitlements: Entitlement[] }>(`/bookings/${b.booking_id}/entitlements`))
          .body.entitlements,
    ),
  );
  return lists.flatMap((l) => l.filter((e) => e.flight_id === flightId));
}

/** What one booking is owed, and the flights its rebooking was judged with (a cancellation). */
interface BookingOwed {
  owed: Owed[];
  rerouted?: string[];
}

const money = (m: Owed['compensation']) => (m ? `${m.currency} ${m.amount}` : 'none');

function describeOwed({ owed, rerouted }: BookingOwed): string {
  const text = owed
    .map(
      (o) =>
        `${o.regime} ${o.compensation ? money(o.compensation) : 'no compensation'}${o.refund ? ' + refund' : ''}`,
    )
    .join(', ');
  return rerouted ? `${text} (rerouted on ${rerouted.join(', ')})` : text;
}

function wrongFor(e: Entitlement, expected: BookingOwed): string[] {
  const wrong: string[] = [];
  for (const o of expected.owed) {
    const r = e.regimes.find((x) => x.regime === o.regime);
    const got = r?.compensation ? money(r.compensation) : 'none';
    if (!r?.applies || got !== money(o.compensation) || r.refund !== o.refund)
      wrong.push(
        `${e.booking_id} ${o.regime}: ${got}, refund ${r?.refund} (want ${money(o.compensation)}, refund ${o.refund})`,
      );
  }
  const flights = e.rebooking?.flights.join(',') ?? 'none';
  if (expected.rerouted && flights !== expected.rerouted.join(','))
    wrong.push(`${e.booking_id} judged with rebooking ${flights} (want ${expected.rerouted})`);
  return wrong;
}

function owedCheck(
  flightId: string,
  entitlements: Entitlement[],
  expect: (bookingId: string) => BookingOwed,
): Check {
  const wrong = entitlements.flatMap((e) => wrongFor(e, expect(e.booking_id)));
  const texts = [...new Set(entitlements.map((e) => describeOwed(expect(e.booking_id))))];
  const who = texts.length === 1 ? `each of ${entitlements.length} bookings` : 'bookings';
  return check(
    `${flightId}: ${who} owed ${texts.join('; ')}`,
    entitlements.length > 0 && wrong.length === 0,
    wrong.join('; '),
  );
}

function rightsScenario(
  flightId: string,
  detailType: string,
  workflow: string,
  owed: Owed[] | ((bookingId: string) => BookingOwed),
): ScenarioChecks {
  const expect = typeof owed === 'function' ? owed : () => ({ owed });
  return async (ctx) => {
    const disruption = ctx.disruptions.find((d) => d.detail.flight_id === flightId);
    return [
      ctx.published(detailType),
      ctx.workflow(workflow),
      owedCheck(flightId, await entitlementsOn(ctx, flightId), expect),
      ...(await ctx.tell(flightId, disruption)),
    ];
  };
}

/** Scenario 5's last SW7890 delay: every booking judged, the liability their sum. */
async function rapidSequenceLiability(ctx: CheckContext): Promise<Check[]> {
  const last = ctx.disruptions.filter((d) => d.detail.flight_id === 'SW7890').at(-1);
  return last ? liabilityChecks('SW7890', last, ctx) : [check('SW7890 delay published', false)];
}

/**
 * Scenarios 6–8: a disruption leaving the EU, the UK and Canada, and what each passenger is owed;
 * and scenario 5's liability (1–4 check theirs with the messages).
 */
export const RIGHTS_CHECKS: Record<number, ScenarioChecks> = {
  5: rapidSequenceLiability,
  // 6,206 km, 4 h 10 min late at arrival, a technical fault: Art. 7(1)(c); DOT: under 6 h abroad.
  6: rightsScenario('SW4100', 'flight.delay.severe', 'FlightPulseDelayNotification', [
    { regime: 'EU261', compensation: { amount: 600, currency: 'EUR' }, refund: false },
    { regime: 'DOT', compensation: null, refund: false },
  ]),
  // 534 km, cancelled on the day, the carrier's crew. Rebooking holds the one free seat on SW4202
  // (arriving 1 h 40 min late) for the A-List Preferred party: UK261 Art. 5(1)(c)(iii), no
  // compensation. The other party gets SW4204, 4 h 15 min late: beyond Art. 7(2)(a)'s 2 h, £220.
  7: rightsScenario('SW4200', 'flight.cancelled', 'FlightPulseCancellationWorkflow', (bookingId) =>
    bookingId === 'B024'
      ? { owed: [{ regime: 'UK261', compensation: null, refund: true }], rerouted: ['SW4202'] }
      : {
          owed: [{ regime: 'UK261', compensation: { amount: 220, currency: 'GBP' }, refund: true }],
          rerouted: ['SW4204'],
        },
  ),
  // 6 h 40 min late, crew (within the carrier's control), large carrier: APPR s. 19(1)(a)(ii).
  8: rightsScenario('SW4300', 'flight.delay.severe', 'FlightPulseDelayNotification', [
    { regime: 'APPR', compensation: { amount: 700, currency: 'CAD' }, refund: true },
  ]),
};
