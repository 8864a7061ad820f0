import { z } from 'zod';
import { AirportCodeSchema } from '../records/flight.ts';
import type { Regime } from './rule-sets.ts';

const Instant = z.iso.datetime({ offset: true });

/** The reroute offered after a cancellation (the flags are the DOT's significant changes). */
export const RerouteSchema = z.object({
  departure: Instant,
  arrival: Instant,
  other_airport: z.boolean().optional(),
  more_connections: z.boolean().optional(),
  downgrade: z.boolean().optional(),
  /** The passenger turned the reroute down and took a refund (APPR then owes its minimum). */
  declined: z.boolean().optional(),
});

/** One passenger's disrupted itinerary: the input of the engine and of `flightpulse rights`. */
export const RightsCaseSchema = z
  .object({
    origin: AirportCodeSchema,
    destination: AirportCodeSchema,
    carrier: z.object({
      region: z.enum(['EU', 'UK', 'CA', 'US', 'OTHER']),
      size: z.enum(['large', 'small']),
    }),
    scheduled_departure: Instant,
    scheduled_arrival: Instant,
    disruption: z.object({
      type: z.enum(['DELAY', 'CANCELLED']),
      /** Arrival delay at the final destination; for a cancellation, derived from the reroute. */
      arrival_delay_minutes: z.number().int().min(0).optional(),
      /** A cause category or an operations reason (unknown ones are flagged). */
      cause: z.string().min(1),
      /** Whole days between telling the passenger and the scheduled departure. */
      notice_days: z.number().int().min(0).optional(),
      reroute: RerouteSchema.optional(),
    }),
  })
  .superRefine((value, ctx) => {
    if (value.disruption.type === 'DELAY' && value.disruption.arrival_delay_minutes === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['disruption', 'arrival_delay_minutes'],
        message: 'a delay needs arrival_delay_minutes',
      });
    }
  });
export type RightsCase = z.infer<typeof RightsCaseSchema>;
export type Reroute = z.infer<typeof RerouteSchema>;

export const CARE_ITEMS = ['MEALS', 'COMMUNICATION', 'HOTEL', 'HOTEL_TRANSPORT'] as const;
export type CareItem = (typeof CARE_ITEMS)[number];

export interface Money {
  amount: number;
  currency: 'EUR' | 'GBP' | 'CAD' | 'USD';
}

/** The duties of a rule set towards a claim (the EU261 revision): notice and answer times. */
export interface ClaimDuties {
  claim_notice_within_hours: number;
  claim_answer_days: number;
}

/** What one regime grants for a case. The CLI prints the first seven fields. */
export interface RegimeJudgement {
  regime: Regime;
  applies: boolean;
  compensation: Money | null;
  refund: boolean;
  care: CareItem[];
  reasons: string[];
  citations: string[];
  /** The rule set that judged it; null when none was in force or the regime does not apply. */
  rule_set: string | null;
  /** The cause is unknown: treated as within the carrier's control, for a person to review. */
  review: boolean;
  /** Claim duties of the rule set, when it has them and compensation is owed. */
  duties: ClaimDuties | null;
  /** Extraordinary circumstance invoked to refuse compensation, if any (named in notices). */
  extraordinary_cause: string | null;
}

export interface RightsResult {
  distance_km: number;
  regimes: RegimeJudgement[];
}
