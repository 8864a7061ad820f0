import { z } from 'zod';
import type { OfferAnswers } from './answer-offer.ts';

const InputSchema = z.object({ offer_id: z.string() });

/**
 * Workflow task "apply the expiry": an offer nobody answered in time has its top option booked
 * (AUTO_REBOOKED), lapses (voluntary) or goes to an agent. An offer answered meanwhile is
 * UNCHANGED: the expiry came too late and does nothing.
 */
export function createApplyOfferExpiry(deps: { answers: OfferAnswers }) {
  return async (input: unknown) => {
    const { offer_id } = InputSchema.parse(input);
    return deps.answers.expire(offer_id);
  };
}
