import { z } from 'zod';
import { CAUSE_CATEGORIES } from './cause.ts';
import appr2022 from './rules/appr-2022.json' with { type: 'json' };
import dot2024 from './rules/dot-2024.json' with { type: 'json' };
import eu2004 from './rules/eu261-2004.json' with { type: 'json' };
import eu2026 from './rules/eu261-2026.json' with { type: 'json' };
import uk2021 from './rules/uk261-2021.json' with { type: 'json' };

const DateSchema = z.iso.date();
const Cause = z.enum(CAUSE_CATEGORIES);
const Minutes = z.number().int().min(0);

/** EU261 and UK261 share one structure: distance bands, notice windows, extraordinary causes. */
export const DistanceRuleSetSchema = z.object({
  id: z.string(),
  regime: z.enum(['EU261', 'UK261']),
  title: z.string(),
  effective_from: DateSchema.nullable(),
  currency: z.enum(['EUR', 'GBP']),
  home_region: z.enum(['EU', 'UK']),
  covered_carrier_regions: z.array(z.enum(['EU', 'UK', 'CA', 'US', 'OTHER'])),
  bands: z
    .array(
      z.object({
        max_km: z.number().positive().nullable(),
        amount: z.number().positive(),
        care_from_minutes: Minutes,
        reduction_within_minutes: Minutes,
      }),
    )
    .length(3),
  intra_region_top_band: z.number().int().min(0).max(2),
  delay_compensation_from_minutes: Minutes,
  long_haul_short_delay: z.object({
    band: z.number().int(),
    below_minutes: Minutes,
    amount: z.number(),
  }),
  refund_from_delay_minutes: Minutes,
  notice: z.object({
    none_from_days: z.number().int(),
    windows: z.array(
      z.object({
        from_days: z.number().int(),
        max_early_departure_minutes: Minutes,
        late_arrival_below_minutes: Minutes,
      }),
    ),
  }),
  extraordinary_causes: z.array(Cause),
  duties: z
    .object({
      claim_notice_within_hours: z.number().positive(),
      claim_notice_medium: z.literal('EMAIL'),
      claim_answer_days: z.number().int().positive(),
    })
    .nullable(),
  citations: z.record(z.string(), z.string()),
});
export type DistanceRuleSet = z.infer<typeof DistanceRuleSetSchema>;

const CarrierAmounts = z.object({ large: z.number(), small: z.number() });
export const ApprRuleSetSchema = z.object({
  id: z.string(),
  regime: z.literal('APPR'),
  title: z.string(),
  effective_from: DateSchema,
  currency: z.literal('CAD'),
  delay_bands: z.array(CarrierAmounts.extend({ from_minutes: Minutes })).min(1),
  refund_only_minimum: CarrierAmounts,
  notice_compensation_up_to_days: z.number().int(),
  care_from_minutes: Minutes,
  refund_from_delay_minutes: Minutes,
  outside_control_causes: z.array(Cause),
  safety_causes: z.array(Cause),
  citations: z.record(z.string(), z.string()),
});
export type ApprRuleSet = z.infer<typeof ApprRuleSetSchema>;

export const DotRuleSetSchema = z.object({
  id: z.string(),
  regime: z.literal('DOT'),
  title: z.string(),
  effective_from: DateSchema,
  currency: z.literal('USD'),
  significant_change_minutes: z.object({ domestic: Minutes, international: Minutes }),
  refund_due: z.object({ card_business_days: z.number(), other_calendar_days: z.number() }),
  citations: z.record(z.string(), z.string()),
});
export type DotRuleSet = z.infer<typeof DotRuleSetSchema>;

export type RuleSet = DistanceRuleSet | ApprRuleSet | DotRuleSet;
export type Regime = RuleSet['regime'];
/** The rule-set type of a regime. */
export type RuleSetOf<R extends Regime> = R extends 'EU261' | 'UK261'
  ? DistanceRuleSet
  : R extends 'APPR'
    ? ApprRuleSet
    : DotRuleSet;

export const REGIMES = ['EU261', 'UK261', 'APPR', 'DOT'] as const satisfies readonly Regime[];

/** Every rule set shipped, validated when this module loads (a bad rule file fails fast). */
export const RULE_SETS: readonly RuleSet[] = [
  DistanceRuleSetSchema.parse(eu2004),
  DistanceRuleSetSchema.parse(eu2026),
  DistanceRuleSetSchema.parse(uk2021),
  ApprRuleSetSchema.parse(appr2022),
  DotRuleSetSchema.parse(dot2024),
];

/** Effective dates set by configuration, for rule sets whose date is not yet published. */
export type EffectiveDates = Readonly<Record<string, string | undefined>>;

function effectiveFrom(ruleSet: RuleSet, overrides: EffectiveDates): string | null {
  return overrides[ruleSet.id] ?? ruleSet.effective_from;
}

/**
 * The rule set of a regime in force on a date (the scheduled departure's UTC date): the one with
 * the latest effective date on or before it. A set with no date (not yet published, not
 * configured) is never in force. Undefined when none is.
 */
export function ruleSetInForce<R extends Regime>(
  regime: R,
  date: string,
  ruleSets: readonly RuleSet[] = RULE_SETS,
  overrides: EffectiveDates = {},
): RuleSetOf<R> | undefined {
  let best: { set: RuleSet; from: string } | undefined;
  for (const set of ruleSets) {
    const from = effectiveFrom(set, overrides);
    if (set.regime !== regime || from === null || from > date) continue;
    if (!best || from > best.from) best = { set, from };
  }
  return best?.set as RuleSetOf<R> | undefined;
}

/** The effective date a rule set is judged with, after configuration. */
export function effectiveDateOf(ruleSet: RuleSet, overrides: EffectiveDates = {}): string | null {
  return effectiveFrom(ruleSet, overrides);
}
