import { z } from 'zod';
import type { Disruption } from '../disruptions/disruption.ts';
import { type BookedTrip, type RebookingBasis, RebookingBasisSchema } from './rebooking-outcome.ts';
import { CARE_ITEMS, type RightsCase, RightsCaseSchema, type RightsResult } from './rights-case.ts';
import { REGIMES } from './rule-sets.ts';
import carriers from './rules/carriers.json' with { type: 'json' };

const CarrierSchema = z.object({
  region: z.enum(['EU', 'UK', 'CA', 'US', 'OTHER']),
  size: z.enum(['large', 'small']),
});
const CarriersSchema = z.object({
  carriers: z.record(z.string(), CarrierSchema.extend({ name: z.string() })),
  unknown: CarrierSchema,
});
const CARRIERS = CarriersSchema.parse(carriers);

/** The operating carrier of a flight number, by its two-character prefix. */
export function carrierOf(flightId: string): RightsCase['carrier'] {
  const known = CARRIERS.carriers[flightId.slice(0, 2)];
  return known ? { region: known.region, size: known.size } : CARRIERS.unknown;
}

const MoneySchema = z.object({
  amount: z.number(),
  currency: z.enum(['EUR', 'GBP', 'CAD', 'USD']),
});

export const RegimeJudgementSchema = z.object({
  regime: z.enum(REGIMES),
  applies: z.boolean(),
  compensation: MoneySchema.nullable(),
  refund: z.boolean(),
  care: z.array(z.enum(CARE_ITEMS)),
  reasons: z.array(z.string()),
  citations: z.array(z.string()),
  rule_set: z.string().nullable(),
  review: z.boolean(),
  duties: z
    .object({ claim_notice_within_hours: z.number(), claim_answer_days: z.number() })
    .nullable(),
  extraordinary_cause: z.string().nullable(),
});

/** The claim notice the EU261 revision requires, once due and once sent. */
export const ClaimNoticeSchema = z.object({
  rule_set: z.string(),
  due_by: z.iso.datetime({ offset: true }),
  sent_at: z.iso.datetime({ offset: true }).nullable(),
});

/**
 * What one booking is owed for the latest disruption of its flight, as computed in the
 * workflow and stored: the basis of its messages, its API answer and the flight's liability.
 */
export const EntitlementSchema = z.object({
  booking_id: z.string(),
  passenger_id: z.string(),
  flight_id: z.string(),
  event_id: z.string(),
  disruption_type: z.enum(['DELAY', 'CANCELLED']),
  /** The operations event's time: a later event's entitlement replaces an earlier one. */
  event_time: z.iso.datetime({ offset: true }),
  scheduled_arrival: z.iso.datetime({ offset: true }),
  distance_km: z.number(),
  cause: z.string(),
  regimes: z.array(RegimeJudgementSchema),
  /** The cause is unknown and was treated as within the carrier's control: check it. */
  review: z.boolean(),
  claim_notice: ClaimNoticeSchema.nullable(),
  /** The case as judged (the `flightpulse rights` input), reroute included. */
  rights_case: RightsCaseSchema.optional(),
  /** A cancellation's rebooking it was judged with: null when none was settled. */
  rebooking: RebookingBasisSchema.nullable().optional(),
  /** The booking's own trip, against which a rebooking option is a change. */
  trip: z.object({ destination: z.string(), legs: z.number().int().min(1) }).optional(),
});
export type Entitlement = z.infer<typeof EntitlementSchema>;

const DAY_MS = 86_400_000;

/** The rights case of a flight's disruption, as every booking on it lives it. */
export function caseOfDisruption(
  disruption: Extract<Disruption, { kind: 'DELAY' | 'CANCELLATION' }>,
): RightsCase {
  const d = disruption.detail;
  const base = {
    origin: d.flight_details.origin,
    destination: d.flight_details.destination,
    carrier: carrierOf(d.flight_id),
    scheduled_departure: d.flight_details.original_departure,
    scheduled_arrival: d.flight_details.original_arrival,
  };
  if (disruption.kind === 'DELAY') {
    const late = Math.round(
      (Date.parse(disruption.detail.new_arrival) - Date.parse(d.flight_details.original_arrival)) /
        60_000,
    );
    return {
      ...base,
      disruption: {
        type: 'DELAY',
        arrival_delay_minutes: Number.isFinite(late)
          ? Math.max(0, late)
          : disruption.detail.delay_minutes,
        cause: disruption.detail.reason,
      },
    };
  }
  // Whole days between the cancellation notice and the scheduled departure.
  const notice = Math.floor(
    (Date.parse(d.flight_details.original_departure) - Date.parse(d.timestamp)) / DAY_MS,
  );
  return {
    ...base,
    disruption: {
      type: 'CANCELLED',
      cause: disruption.detail.reason,
      notice_days: Math.max(0, notice),
    },
  };
}

/** The revision's claim notice for a booking, when a regime in force requires one. */
export function claimNoticeOf(
  regimes: Entitlement['regimes'],
  scheduledArrival: string,
): Entitlement['claim_notice'] {
  const judged = regimes.find((r) => r.duties !== null);
  if (!judged?.duties || !judged.rule_set) return null;
  const due = Date.parse(scheduledArrival) + judged.duties.claim_notice_within_hours * 3_600_000;
  return { rule_set: judged.rule_set, due_by: new Date(due).toISOString(), sent_at: null };
}

/** What a booking is owed for one disruption, from the engine's result on its case. */
export function entitlementOf(judged: {
  booking: { booking_id: string; passenger_id: string };
  disruption: { flight_id: string; event_id: string; timestamp: string };
  rightsCase: RightsCase;
  result: RightsResult;
  rebooking: RebookingBasis | null;
  trip: BookedTrip;
}): Entitlement {
  const { booking, disruption, rightsCase, result } = judged;
  return {
    booking_id: booking.booking_id,
    passenger_id: booking.passenger_id,
    flight_id: disruption.flight_id,
    event_id: disruption.event_id,
    disruption_type: rightsCase.disruption.type,
    event_time: disruption.timestamp,
    scheduled_arrival: rightsCase.scheduled_arrival,
    distance_km: result.distance_km,
    cause: rightsCase.disruption.cause,
    regimes: result.regimes,
    review: result.regimes.some((r) => r.review),
    claim_notice: claimNoticeOf(result.regimes, rightsCase.scheduled_arrival),
    rights_case: rightsCase,
    rebooking: judged.rebooking,
    trip: judged.trip,
  };
}

/** Whether two rebookings are the same for judging: same basis, same option. */
export function sameRebooking(a: RebookingBasis | null, b: RebookingBasis | null): boolean {
  if (a === null || b === null) return a === b;
  return a.basis === b.basis && a.offer_id === b.offer_id && a.option_id === b.option_id;
}
