import { z } from 'zod';
import { TIERS, type Tier } from '../records/passenger.ts';
import type { Offer } from './offer.ts';

const Summary = z.object({ average: z.number().nullable(), p95: z.number().nullable() });

/** Roadmap 004 §4.1's rebooking figures, from the offers themselves. */
export const RebookingMetricsSchema = z.object({
  offers: z.number().int(),
  by_status: z.record(z.string(), z.number().int()),
  /** Disruption → offer with options stored. */
  time_to_first_option_seconds: Summary,
  /** Disruption → booked on a new flight. */
  time_to_booking_seconds: Summary,
  /** Of the offers settled, the share no agent touched. */
  resolved_without_agent_share: z.number().nullable(),
  /** Of each tier's offers, the share that went to an agent. */
  escalation_rate_by_tier: z.object({
    MEMBER: z.number().nullable(),
    'A-LIST': z.number().nullable(),
    'A-LIST_PREFERRED': z.number().nullable(),
  } satisfies Record<Tier, z.ZodType>),
});
export type RebookingMetrics = z.infer<typeof RebookingMetricsSchema>;

const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;

function summary(values: number[]) {
  if (values.length === 0) return { average: null, p95: null };
  const sorted = [...values].sort((a, b) => a - b);
  const average = values.reduce((a, b) => a + b, 0) / values.length;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number;
  return { average: Math.round(average * 10) / 10, p95: Math.round(p95 * 10) / 10 };
}

const SETTLED = new Set(['ACCEPTED', 'AUTO_REBOOKED', 'DECLINED', 'EXPIRED', 'ESCALATED']);
const BOOKED = new Set(['ACCEPTED', 'AUTO_REBOOKED']);

/** Derives the rebooking metrics from offers (any set: a flight's, a day's, all). */
export function rebookingMetrics(offers: readonly Offer[]): RebookingMetrics {
  const byStatus: Record<string, number> = {};
  for (const o of offers) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
  const agentTouched = (o: Offer) =>
    o.status === 'ESCALATED' ||
    o.status === 'PENDING_AGENT' ||
    o.resolved_by === 'agent' ||
    o.escalation_reason !== undefined;
  const settled = offers.filter((o) => SETTLED.has(o.status));
  const rate = (tier: Tier) => {
    const mine = offers.filter((o) => o.tier === tier);
    return mine.length === 0 ? null : mine.filter(agentTouched).length / mine.length;
  };
  return {
    offers: offers.length,
    by_status: byStatus,
    time_to_first_option_seconds: summary(
      offers.filter((o) => o.options.length > 0).map((o) => seconds(o.disrupted_at, o.created_at)),
    ),
    time_to_booking_seconds: summary(
      offers
        .filter((o) => BOOKED.has(o.status) && o.resolved_at)
        .map((o) => seconds(o.disrupted_at, o.resolved_at as string)),
    ),
    resolved_without_agent_share:
      settled.length === 0 ? null : settled.filter((o) => !agentTouched(o)).length / settled.length,
    escalation_rate_by_tier: Object.fromEntries(TIERS.map((t) => [t, rate(t)])) as Record<
      Tier,
      number | null
    >,
  };
}
