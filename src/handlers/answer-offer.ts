import type { BusEntry } from '../domain/event-routing/bus-events.ts';
import type { Cabin } from '../domain/rebooking/cabin.ts';
import {
  type Offer,
  type OfferOption,
  type OfferStatus,
  publicOffer,
} from '../domain/rebooking/offer.ts';
import { OFFER_DETAIL_TYPES, REBOOKING_EVENT_SOURCE } from '../domain/rebooking/offer-events.ts';
import type {
  IdempotencyStore,
  OfferExpiryScheduler,
  OfferStore,
  RebookingBookings,
  SeatInventory,
  SeatRequest,
  StoredAnswer,
} from '../ports/rebooking-ports.ts';
import type { Clock, EventPublisher, FlightStore, MetricsRecorder } from '../ports.ts';

export interface OfferAnswerDeps {
  offers: OfferStore;
  inventory: SeatInventory;
  bookings: RebookingBookings;
  idempotency: IdempotencyStore;
  scheduler: OfferExpiryScheduler;
  flights: FlightStore;
  publisher: EventPublisher;
  clock: Clock;
  metrics?: MetricsRecorder;
}

/** An answer as the API returns it: an HTTP status and a JSON body. */
export type Answer = StoredAnswer & { body: Record<string, unknown> };

const answer = (status: number, body: Record<string, unknown>): Answer => ({ status, body });

/** The seats an option takes for the offer's whole party. */
const requestsOf = (offer: Offer, option: OfferOption): SeatRequest[] =>
  option.segments.map((s) => ({
    flight_id: s.flight_id,
    cabin: s.cabin,
    seats: offer.seats_needed,
  }));

const publish = (deps: OfferAnswerDeps, offer: Offer, detailType: string) =>
  deps.publisher.publish([
    {
      source: REBOOKING_EVENT_SOURCE,
      detailType,
      detail: {
        offer_id: offer.offer_id,
        flight_id: offer.flight_id,
        status: offer.status,
        at: deps.clock.now(),
      },
    } satisfies BusEntry,
  ]);

/** The options that still have room (the held one always does), for a 409. */
async function remainingOptions(deps: OfferAnswerDeps, offer: Offer, except?: string) {
  const free = await deps.inventory.freeSeats(
    offer.options.flatMap((o) => o.segments.map((s) => s.flight_id)),
  );
  return publicOffer(offer).options.filter(
    (o) =>
      o.option_id !== except &&
      (o.option_id === offer.held_option_id ||
        o.segments.every(
          (s) => (free.get(`${s.flight_id}/${s.cabin}`) ?? 0) >= offer.seats_needed,
        )),
  );
}

async function releaseHold(deps: OfferAnswerDeps, offer: Offer, keep?: string) {
  const held = offer.options.find((o) => o.option_id === offer.held_option_id);
  if (held && held.option_id !== keep) await deps.inventory.release(requestsOf(offer, held));
}

const notAnswerable = (offer: Offer) =>
  answer(409, { error: 'Offer is being answered or was answered', offer: publicOffer(offer) });

/**
 * Books `option` for the offer's party and moves the offer from one of `from` to `to`. The
 * offer is claimed first (one booking at a time per offer), then seats are taken by
 * conditional writes; without room the claim is let go and the answer is 409.
 */
async function bookOption(
  deps: OfferAnswerDeps,
  offer: Offer,
  option: OfferOption,
  key: string,
  from: readonly OfferStatus[],
  to: OfferStatus,
  resolvedBy: 'passenger' | 'agent' | 'expiry',
): Promise<Answer> {
  const { offers, inventory } = deps;
  const claimed = await offers.update(
    offer.offer_id,
    from,
    { booking_in_progress: key },
    { notInProgress: true },
  );
  if (!claimed) return notAnswerable(offer);
  const fromHold = option.option_id === claimed.held_option_id;
  if (!(await inventory.book(requestsOf(claimed, option), fromHold))) {
    await offers.update(
      offer.offer_id,
      from,
      {},
      { inProgress: key, clear: ['booking_in_progress'] },
    );
    deps.metrics?.count('RebookingOptionTaken');
    return answer(409, {
      error: 'Option no longer available',
      option_id: option.option_id,
      remaining_options: await remainingOptions(deps, claimed, option.option_id),
    });
  }
  await releaseHold(deps, claimed, option.option_id);
  const now = deps.clock.now();
  const settled = (await offers.update(
    offer.offer_id,
    from,
    { status: to, chosen_option_id: option.option_id, resolved_at: now, resolved_by: resolvedBy },
    { inProgress: key, clear: ['booking_in_progress', 'held_option_id'] },
  )) as Offer;
  if (claimed.voluntary)
    await inventory.unbook([
      { flight_id: claimed.flight_id, cabin: claimed.cabin as Cabin, seats: claimed.seats_needed },
    ]);
  await deps.bookings.rebook(
    claimed.booking_ids,
    option.segments.map((s) => s.flight_id),
    now,
  );
  await deps.scheduler.cancel(offer.offer_id);
  // The expiry's own workflow tells the passenger; every other booking continues the flow.
  if (resolvedBy !== 'expiry') await publish(deps, settled, OFFER_DETAIL_TYPES.accepted);
  deps.metrics?.count('RebookingOffersBooked');
  return answer(to === 'ACCEPTED' && resolvedBy === 'passenger' ? 201 : 200, {
    offer: publicOffer(settled),
  });
}

const isExpired = (offer: Offer, now: string) =>
  ['EXPIRED', 'AUTO_REBOOKED'].includes(offer.status) ||
  (offer.status === 'OPEN' && Date.parse(offer.expires_at) <= Date.parse(now));

async function acceptOnce(
  deps: OfferAnswerDeps,
  offerId: string,
  optionId: string,
  key: string,
): Promise<Answer> {
  const offer = await deps.offers.get(offerId);
  if (!offer) return answer(404, { error: 'Offer not found', offer_id: offerId });
  if (isExpired(offer, deps.clock.now()))
    return answer(410, { error: 'Offer expired', offer: publicOffer(offer) });
  if (offer.status !== 'OPEN')
    return answer(409, { error: `Offer is ${offer.status}`, offer: publicOffer(offer) });
  const option = offer.options.find((o) => o.option_id === optionId);
  if (!option)
    return answer(409, {
      error: 'Option no longer available',
      option_id: optionId,
      remaining_options: await remainingOptions(deps, offer),
    });
  if (option.approval) {
    const pending = await deps.offers.update(
      offerId,
      ['OPEN'],
      { status: 'PENDING_AGENT', chosen_option_id: optionId },
      { notInProgress: true },
    );
    if (!pending) return notAnswerable(offer);
    await deps.scheduler.cancel(offerId);
    await publish(deps, pending, OFFER_DETAIL_TYPES.pendingAgent);
    return answer(202, { offer: publicOffer(pending), approval: option.approval });
  }
  return bookOption(deps, offer, option, key, ['OPEN'], 'ACCEPTED', 'passenger');
}

/**
 * The passenger picks an option. The same Idempotency-Key and body replay the first answer;
 * the same key with another body is 409.
 */
async function accept(
  deps: OfferAnswerDeps,
  offerId: string,
  optionId: string,
  key: string,
): Promise<Answer> {
  const claim = await deps.idempotency.claim(offerId, key, `accept:${optionId}`, deps.clock.now());
  if (claim.state === 'replay')
    return {
      ...(claim.answer as Answer),
      status: claim.answer.status === 201 ? 200 : claim.answer.status,
    };
  if (claim.state === 'mismatch')
    return answer(409, { error: 'Idempotency-Key was used with another request body' });
  if (claim.state === 'in_progress')
    return answer(409, { error: 'A request with this Idempotency-Key is still being answered' });
  try {
    const result = await acceptOnce(deps, offerId, optionId, key);
    await deps.idempotency.complete(offerId, key, result);
    return result;
  } catch (error) {
    await deps.idempotency.abandon(offerId, key);
    throw error;
  }
}

/** The passenger declines: a refund (the booking is cancelled) or a person (the agent queue). */
async function decline(
  deps: OfferAnswerDeps,
  offerId: string,
  choice: 'refund' | 'agent',
): Promise<Answer> {
  const offer = await deps.offers.get(offerId);
  if (!offer) return answer(404, { error: 'Offer not found', offer_id: offerId });
  const now = deps.clock.now();
  if (isExpired(offer, now))
    return answer(410, { error: 'Offer expired', offer: publicOffer(offer) });
  const patch: Partial<Offer> =
    choice === 'refund'
      ? { status: 'DECLINED', answer: 'refund', resolved_at: now, resolved_by: 'passenger' }
      : { status: 'ESCALATED', answer: 'agent', escalation_reason: 'PASSENGER_ASKED_FOR_AGENT' };
  const updated = await deps.offers.update(offerId, ['OPEN', 'PENDING_AGENT'], patch, {
    notInProgress: true,
    ...(choice === 'refund' ? { clear: ['held_option_id' as const] } : {}),
  });
  if (!updated)
    return answer(409, { error: `Offer is ${offer.status}`, offer: publicOffer(offer) });
  await deps.scheduler.cancel(offerId);
  if (choice === 'refund') {
    await releaseHold(deps, offer);
    await deps.bookings.cancel(offer.booking_ids, now);
  }
  await publish(
    deps,
    updated,
    choice === 'refund' ? OFFER_DETAIL_TYPES.declined : OFFER_DETAIL_TYPES.escalated,
  );
  return answer(200, { offer: publicOffer(updated) });
}

/** An agent confirms the option a passenger picked that needed approval. */
async function confirm(deps: OfferAnswerDeps, offerId: string, agentKey: string): Promise<Answer> {
  const offer = await deps.offers.get(offerId);
  if (!offer) return answer(404, { error: 'Offer not found', offer_id: offerId });
  const option = offer.options.find((o) => o.option_id === offer.chosen_option_id);
  if (offer.status !== 'PENDING_AGENT' || !option)
    return answer(409, {
      error: `Offer is ${offer.status}, not PENDING_AGENT`,
      offer: publicOffer(offer),
    });
  return bookOption(deps, offer, option, agentKey, ['PENDING_AGENT'], 'ACCEPTED', 'agent');
}

/** An agent rebooks by hand onto any flights (an escalated party, a special case). */
async function rebookByHand(
  deps: OfferAnswerDeps,
  offerId: string,
  flightIds: string[],
  cabin: Cabin,
  agentKey: string,
): Promise<Answer> {
  const offer = await deps.offers.get(offerId);
  if (!offer) return answer(404, { error: 'Offer not found', offer_id: offerId });
  if (!['OPEN', 'ESCALATED', 'PENDING_AGENT'].includes(offer.status))
    return answer(409, { error: `Offer is ${offer.status}`, offer: publicOffer(offer) });
  const segments = [];
  for (const id of flightIds) {
    const f = await deps.flights.getFlight(id);
    if (!f) return answer(404, { error: 'Flight not found', flight_id: id });
    segments.push({
      flight_id: f.flight_id,
      origin: f.origin,
      destination: f.destination,
      departure: f.estimated_departure ?? f.scheduled_departure,
      arrival: f.estimated_arrival ?? f.scheduled_arrival,
      cabin,
    });
  }
  const option: OfferOption = {
    option_id: `AGENT:${flightIds.join('+')}/${cabin}`,
    rank: offer.options.length + 1,
    segments,
    arrival_delay_minutes: 0,
    held: false,
  };
  const withOption = await deps.offers.update(offerId, [offer.status], {
    options: [...offer.options.filter((o) => o.option_id !== option.option_id), option],
  });
  if (!withOption)
    return answer(409, { error: 'Offer changed; try again', offer: publicOffer(offer) });
  return bookOption(deps, withOption, option, agentKey, [offer.status], 'ACCEPTED', 'agent');
}

/**
 * At expiry: a voluntary offer lapses (the passenger keeps their flight); otherwise the best
 * option still available is booked (AUTO_REBOOKED), or the party goes to an agent.
 */
async function expire(
  deps: OfferAnswerDeps,
  offerId: string,
): Promise<{ outcome: OfferStatus | 'UNCHANGED' }> {
  const offer = await deps.offers.get(offerId);
  const now = deps.clock.now();
  if (offer?.status !== 'OPEN' || Date.parse(offer.expires_at) > Date.parse(now))
    return { outcome: 'UNCHANGED' };
  if (offer.voluntary) {
    const expired = await deps.offers.update(
      offerId,
      ['OPEN'],
      { status: 'EXPIRED', resolved_at: now, resolved_by: 'expiry' },
      { notInProgress: true },
    );
    return { outcome: expired ? 'EXPIRED' : 'UNCHANGED' };
  }
  for (const option of offer.options.filter((o) => !o.approval)) {
    const booked = await bookOption(
      deps,
      offer,
      option,
      'expiry',
      ['OPEN'],
      'AUTO_REBOOKED',
      'expiry',
    );
    if (booked.status < 300) return { outcome: 'AUTO_REBOOKED' };
    if (booked.body.error !== 'Option no longer available') return { outcome: 'UNCHANGED' };
  }
  const reason = offer.options.some((o) => o.approval)
    ? 'TOP_OPTION_NEEDS_AGENT'
    : 'TOP_OPTION_NO_LONGER_AVAILABLE';
  const escalated = await deps.offers.update(
    offerId,
    ['OPEN'],
    { status: 'ESCALATED', escalation_reason: reason },
    { notInProgress: true },
  );
  if (escalated) await releaseHold(deps, offer);
  return { outcome: escalated ? 'ESCALATED' : 'UNCHANGED' };
}

/**
 * Everything that answers an offer — the passenger (accept, decline), an agent (confirm an
 * option that needed approval, rebook by hand) and the expiry — and the one way seats are
 * booked for all of them: claim the offer, book the seats by conditional writes, then settle.
 */
export function createOfferAnswers(deps: OfferAnswerDeps) {
  return {
    accept: (offerId: string, optionId: string, key: string) =>
      accept(deps, offerId, optionId, key),
    decline: (offerId: string, choice: 'refund' | 'agent') => decline(deps, offerId, choice),
    confirm: (offerId: string, agentKey: string) => confirm(deps, offerId, agentKey),
    rebookByHand: (offerId: string, flightIds: string[], cabin: Cabin, agentKey: string) =>
      rebookByHand(deps, offerId, flightIds, cabin, agentKey),
    expire: (offerId: string) => expire(deps, offerId),
  };
}
export type OfferAnswers = ReturnType<typeof createOfferAnswers>;
