import { z } from 'zod';
import { airports } from '../domain/airports/airport-reference.ts';
import { disruptionFrom } from '../domain/disruptions/disruption.ts';
import { DisruptionTaskInputSchema } from '../domain/notifications/passenger-message.ts';
import { caseOfDisruption, claimNoticeOf, type Entitlement } from '../domain/rights/entitlement.ts';
import { judgeRights } from '../domain/rights/judge-rights.ts';
import type { RightsSettings } from '../domain/rights/rights-settings.ts';
import type { BookingStore, EntitlementStore, Log } from '../ports.ts';

const InputSchema = DisruptionTaskInputSchema.extend({
  booking_ids: z.array(z.string()).max(100),
});

/** What the message step needs of a booking's rights: what was granted, nothing personal. */
export interface GrantedRights {
  booking_id: string;
  regimes: Array<
    Pick<Entitlement['regimes'][number], 'regime' | 'applies' | 'compensation' | 'refund' | 'care'>
  >;
}

/**
 * Workflow task: judges the passenger rights of a batch's bookings for the flight's delay or
 * cancellation, stores each booking's entitlement (an older event never overwrites a newer
 * one) and returns what was granted, for the messages to state. Every booking of a flight
 * shares its itinerary, so the case is judged once per batch.
 */
export function createComputeEntitlements(deps: {
  bookings: BookingStore;
  entitlements: EntitlementStore;
  rights: RightsSettings;
  log: Log;
}) {
  return async (input: unknown): Promise<{ rights: GrantedRights[] }> => {
    const { kind, detail, booking_ids } = InputSchema.parse(input);
    const disruption = disruptionFrom(kind, detail);
    if (disruption.kind === 'GATE_CHANGE') return { rights: [] };
    const rightsCase = caseOfDisruption(disruption);
    const result = judgeRights(rightsCase, {
      airports,
      effectiveDates: deps.rights.effectiveDates,
    });
    const review = result.regimes.some((r) => r.review);
    if (review) {
      deps.log.warn('unknown disruption cause, treated as within the carrier’s control', {
        flight_id: disruption.detail.flight_id,
        reason: rightsCase.disruption.cause,
      });
    }
    const bookings = (await deps.bookings.getBookings(booking_ids)).filter(
      (b) => b.booking_status !== 'CANCELLED',
    );
    const rights: GrantedRights[] = [];
    for (const booking of bookings) {
      const entitlement: Entitlement = {
        booking_id: booking.booking_id,
        passenger_id: booking.passenger_id,
        flight_id: disruption.detail.flight_id,
        event_id: disruption.detail.event_id,
        disruption_type: rightsCase.disruption.type,
        event_time: disruption.detail.timestamp,
        scheduled_arrival: rightsCase.scheduled_arrival,
        distance_km: result.distance_km,
        cause: rightsCase.disruption.cause,
        regimes: result.regimes,
        review,
        claim_notice: claimNoticeOf(result.regimes, rightsCase.scheduled_arrival),
      };
      await deps.entitlements.put(entitlement);
      rights.push({
        booking_id: booking.booking_id,
        regimes: result.regimes
          .filter((r) => r.applies)
          .map(({ regime, applies, compensation, refund, care }) => ({
            regime,
            applies,
            compensation,
            refund,
            care,
          })),
      });
    }
    return { rights };
  };
}
