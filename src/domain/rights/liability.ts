import type { Entitlement } from './entitlement.ts';
import type { Regime } from './rule-sets.ts';

export interface Exposure {
  regime: Regime;
  currency: string;
  /** Sum of the compensation owed under this regime in this currency. */
  amount: number;
  /** Bookings owed compensation under this regime. */
  bookings: number;
}

export interface Liability {
  flight_id: string;
  /** Bookings with stored entitlements. */
  bookings: number;
  exposure: Exposure[];
  /** Bookings that may ask for a refund, by regime. */
  refunds: Array<{ regime: Regime; bookings: number }>;
  /** Bookings whose cause was unknown and needs a person's review. */
  review: number;
}

/**
 * A flight's compensation exposure: the bookings' entitlements summed by regime and currency.
 * A passenger covered by two regimes appears under both, since each could be claimed; operations
 * read the exposure per regime, not as one total.
 */
export function liabilityOf(flightId: string, entitlements: readonly Entitlement[]): Liability {
  const exposure = new Map<string, Exposure>();
  const refunds = new Map<Regime, number>();
  for (const entitlement of entitlements) {
    for (const judged of entitlement.regimes) {
      if (!judged.applies) continue;
      if (judged.refund) refunds.set(judged.regime, (refunds.get(judged.regime) ?? 0) + 1);
      if (!judged.compensation) continue;
      const key = `${judged.regime}|${judged.compensation.currency}`;
      const sum = exposure.get(key) ?? {
        regime: judged.regime,
        currency: judged.compensation.currency,
        amount: 0,
        bookings: 0,
      };
      sum.amount += judged.compensation.amount;
      sum.bookings += 1;
      exposure.set(key, sum);
    }
  }
  return {
    flight_id: flightId,
    bookings: entitlements.length,
    exposure: [...exposure.values()],
    refunds: [...refunds].map(([regime, bookings]) => ({ regime, bookings })),
    review: entitlements.filter((e) => e.review).length,
  };
}
