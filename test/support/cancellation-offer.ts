import type { Offer } from '../../src/domain/rebooking/offer.ts';

/**
 * An OPEN offer of new flights to a one-passenger party after a cancellation, made at `at`;
 * `patch` sets what a test is about (options, status, the chosen option, the answer).
 */
export function cancellationOffer(
  ids: {
    offer_id: string;
    flight_id: string;
    event_id: string;
    booking_id: string;
    passenger_id: string;
  },
  at: string,
  patch: Partial<Offer> = {},
): Offer {
  return {
    offer_id: ids.offer_id,
    flight_id: ids.flight_id,
    event_id: ids.event_id,
    party_id: `${ids.booking_id}-${ids.flight_id}`,
    booking_ids: [ids.booking_id],
    passenger_ids: [ids.passenger_id],
    tier: 'MEMBER',
    seats_needed: 1,
    cabin: 'ECONOMY',
    reason: 'CANCELLED',
    voluntary: false,
    fee_waived: false,
    status: 'OPEN',
    disrupted_at: at,
    created_at: at,
    expires_at: at,
    options: [],
    ...patch,
  };
}
