import type { Entitlement } from '../../domain/rights/entitlement.ts';
import type { Regime } from '../../domain/rights/rule-sets.ts';
import { type Check, check } from '../scenario-run.ts';
import { bookingsOf, type CheckContext } from './check-context.ts';

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

function owedCheck(flightId: string, entitlements: Entitlement[], owed: Owed[]): Check {
  const wrong: string[] = [];
  for (const e of entitlements) {
    for (const o of owed) {
      const r = e.regimes.find((x) => x.regime === o.regime);
      const money = r?.compensation
        ? `${r.compensation.currency} ${r.compensation.amount}`
        : 'none';
      const want = o.compensation ? `${o.compensation.currency} ${o.compensation.amount}` : 'none';
      if (!r?.applies || money !== want || r.refund !== o.refund)
        wrong.push(
          `${e.booking_id} ${o.regime}: ${money}, refund ${r?.refund} (want ${want}, refund ${o.refund})`,
        );
    }
  }
  const text = owed
    .map(
      (o) =>
        `${o.regime} ${o.compensation ? `${o.compensation.currency} ${o.compensation.amount}` : 'no compensation'}${o.refund ? ' + refund' : ''}`,
    )
    .join(', ');
  return check(
    `${flightId}: each of ${entitlements.length} bookings owed ${text}`,
    entitlements.length > 0 && wrong.length === 0,
    wrong.join('; '),
  );
}

function rightsScenario(
  flightId: string,
  detailType: string,
  workflow: string,
  owed: Owed[],
): ScenarioChecks {
  return async (ctx) => {
    const disruption = ctx.disruptions.find((d) => d.detail.flight_id === flightId);
    return [
      ctx.published(detailType),
      ctx.workflow(workflow),
      owedCheck(flightId, await entitlementsOn(ctx, flightId), owed),
      ...(await ctx.tell(flightId, disruption)),
    ];
  };
}

/** Scenarios 6–8: a disruption leaving the EU, the UK and Canada, and what each passenger is owed. */
export const RIGHTS_CHECKS: Record<number, ScenarioChecks> = {
  // 6,206 km, 4 h 10 min late at arrival, a technical fault: Art. 7(1)(c); DOT: under 6 h abroad.
  6: rightsScenario('SW4100', 'flight.delay.severe', 'FlightPulseDelayNotification', [
    { regime: 'EU261', compensation: { amount: 600, currency: 'EUR' }, refund: false },
    { regime: 'DOT', compensation: null, refund: false },
  ]),
  // 534 km, cancelled on the day without a reroute, the carrier's crew: Art. 5(1)(c), 7(1)(a).
  7: rightsScenario('SW4200', 'flight.cancelled', 'FlightPulseCancellationWorkflow', [
    { regime: 'UK261', compensation: { amount: 220, currency: 'GBP' }, refund: true },
  ]),
  // 6 h 40 min late, crew (within the carrier's control), large carrier: APPR s. 19(1)(a)(ii).
  8: rightsScenario('SW4300', 'flight.delay.severe', 'FlightPulseDelayNotification', [
    { regime: 'APPR', compensation: { amount: 700, currency: 'CAD' }, refund: true },
  ]),
};
