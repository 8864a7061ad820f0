import { z } from 'zod';

export const REBOOKING_EVENT_SOURCE = 'flightpulse.rebooking';

/** What happens to an offer, as bus events: answers and expiries continue the flow. */
export const OFFER_DETAIL_TYPES = {
  accepted: 'offer.accepted',
  declined: 'offer.declined',
  escalated: 'offer.escalated',
  pendingAgent: 'offer.pending_agent',
  expiryDue: 'offer.expiry_due',
} as const;

/** The answer events the answer workflow takes (all but the expiry, which it applies first). */
export const OFFER_ANSWER_TYPES = [
  OFFER_DETAIL_TYPES.accepted,
  OFFER_DETAIL_TYPES.declined,
  OFFER_DETAIL_TYPES.escalated,
] as const;

/** Every offer event carries ids only: the workflow looks the rest up when it sends. */
export const OfferEventDetailSchema = z.object({
  offer_id: z.string(),
  flight_id: z.string(),
  status: z.string(),
  at: z.string(),
});
export type OfferEventDetail = z.infer<typeof OfferEventDetailSchema>;
