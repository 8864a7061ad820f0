import { z } from 'zod';
import { cabinLevel } from '../rebooking/cabin.ts';
import type { Offer, OfferOption, OfferStatus } from '../rebooking/offer.ts';
import type { Reroute, RightsCase } from './rights-case.ts';

/**
 * How a cancelled passenger stands to the rebooking: BOOKED on an option (by them, an agent or
 * the expiry), OFFERED one still open, or DECLINED it for a refund.
 */
export const REBOOKING_BASES = ['OFFERED', 'BOOKED', 'DECLINED'] as const;

/** The rebooking a cancellation was judged with, kept on the entitlement. */
export const RebookingBasisSchema = z.object({
  basis: z.enum(REBOOKING_BASES),
  offer_id: z.string(),
  option_id: z.string(),
  flights: z.array(z.string()).min(1),
});
export type RebookingBasis = z.infer<typeof RebookingBasisSchema>;

export interface RebookingOutcome {
  rebooking: RebookingBasis;
  reroute: Reroute;
}

/** The booking's own trip, against which an option is a change. */
export interface BookedTrip {
  /** Where the booking ends: the cancelled flight's destination, or its onward flight's. */
  destination: string;
  /** Flights the booking had from the origin to there. */
  legs: number;
}

const BOOKED: readonly OfferStatus[] = ['ACCEPTED', 'AUTO_REBOOKED'];
/** Offers whose options still stand for the passenger: open, or picked and awaiting an agent. */
const STANDING: readonly OfferStatus[] = ['OPEN', 'PENDING_AGENT'];

/**
 * The option a cancellation is judged with: the one booked, else the one offered (the option
 * picked for an agent's approval, else the held one, else the best ranked) while the offer stands
 * or was turned down for a refund. None when the offer went to an agent or lapsed without a
 * booking: no rerouting was settled, so the cancellation is judged without one.
 */
function judgedOption(
  offer: Offer,
): { option: OfferOption; basis: RebookingBasis['basis'] } | null {
  const byId = (id: string | undefined) => offer.options.find((o) => o.option_id === id);
  const best = [...offer.options].sort((a, b) => a.rank - b.rank)[0];
  if (BOOKED.includes(offer.status)) {
    const chosen = byId(offer.chosen_option_id);
    return chosen ? { option: chosen, basis: 'BOOKED' } : null;
  }
  const offered = byId(offer.chosen_option_id) ?? byId(offer.held_option_id) ?? best;
  if (!offered) return null;
  if (STANDING.includes(offer.status)) return { option: offered, basis: 'OFFERED' };
  if (offer.status === 'DECLINED' && offer.answer === 'refund')
    return { option: offered, basis: 'DECLINED' };
  return null;
}

/**
 * The rerouting a cancelled booking's rebooking gives, as the rights engine reads it: when it
 * leaves, when it reaches the booking's destination (an option that flies past the cancelled
 * flight's destination to the onward one counts its delay there, as the regulations judge the
 * final destination), and the DOT's significant changes (another airport, more connections, a
 * lower cabin). Null for an offer not made for a cancellation, or with no option to judge.
 *
 * @example
 * rebookingOutcomeOf(offer, rightsCase, { destination: 'EDI', legs: 1 })?.reroute.arrival;
 */
export function rebookingOutcomeOf(
  offer: Offer,
  rightsCase: RightsCase,
  trip: BookedTrip,
): RebookingOutcome | null {
  if (offer.reason !== 'CANCELLED') return null;
  const judged = judgedOption(offer);
  if (!judged) return null;
  const { option, basis } = judged;
  const first = option.segments[0];
  const last = option.segments.at(-1);
  if (!first || !last) return null;
  const atDestination = option.segments.find((s) => s.destination === rightsCase.destination);
  const arrival =
    atDestination?.arrival ??
    new Date(
      Date.parse(rightsCase.scheduled_arrival) + option.arrival_delay_minutes * 60_000,
    ).toISOString();
  const reroute: Reroute = {
    departure: first.departure,
    arrival,
    other_airport: first.origin !== rightsCase.origin || last.destination !== trip.destination,
    more_connections: option.segments.length > trip.legs,
    downgrade: option.segments.some((s) => cabinLevel(s.cabin) < cabinLevel(offer.cabin)),
    ...(basis === 'DECLINED' ? { declined: true } : {}),
  };
  return {
    rebooking: {
      basis,
      offer_id: offer.offer_id,
      option_id: option.option_id,
      flights: option.segments.map((s) => s.flight_id),
    },
    reroute,
  };
}

/** The case with the rebooking's rerouting in place of any earlier one. */
export function withRebooking(
  rightsCase: RightsCase,
  outcome: RebookingOutcome | null,
): RightsCase {
  const { reroute: _earlier, ...disruption } = rightsCase.disruption;
  return {
    ...rightsCase,
    disruption: outcome ? { ...disruption, reroute: outcome.reroute } : disruption,
  };
}
