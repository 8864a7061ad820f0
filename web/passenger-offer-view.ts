/**
 * The passenger's offer page, opened from the link in their disruption message
 * (`/#/offer/<token>`). Made for a phone first: one column, large targets, the answer in plain
 * words. The link's token is a passenger token bound to the booking that expires with the
 * offer: the page sends it as the bearer to the ordinary offer API and never asks anyone to sign
 * in. It stays in the fragment, which browsers do not send to servers or put in their logs.
 */

import type { PublicOffer } from '../src/domain/rebooking/offer.ts';
import { optionText } from './offer-format.ts';

type Escape = (value: unknown) => string;
type Option = PublicOffer['options'][number];
interface Linked {
  booking_id: string;
  confirmation_number: string;
  offer: PublicOffer;
}
interface Link {
  token: string;
  bookingId: string;
}
interface Reply {
  status: number;
  body: {
    error?: string;
    offer?: PublicOffer;
    remaining_options?: Option[];
    approval?: string;
  };
}

async function call(link: Link, path: string, init: RequestInit = {}): Promise<Reply> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${link.token}`);
  const response = await fetch(path, { ...init, headers });
  return {
    status: response.status,
    body: (await response.json().catch(() => ({}))) as Reply['body'],
  };
}

/** The booking a link's token is bound to (its `booking_id` claim); the API checks the rest. */
function bookingOf(token: string): string | undefined {
  try {
    const payload = token.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims.booking_id === 'string' ? claims.booking_id : undefined;
  } catch {
    return undefined;
  }
}

/** One key per chosen option, kept for the tab: a repeated tap replays the first answer. */
function idempotencyKey(offerId: string, optionId: string): string {
  const name = `flightpulse.offer-key.${offerId}.${optionId}`;
  const kept = sessionStorage.getItem(name);
  if (kept) return kept;
  const random = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  sessionStorage.setItem(name, random);
  return random;
}

function optionCard(o: Option, h: Escape): string {
  return `<li class="option-card" data-option="${h(o.option_id)}">
    <h3>Option ${h(o.rank)}${o.rank === 1 ? ' · best arrival' : ''}</h3>
    <p>${optionText(o, h)}</p>
    <button type="button" class="choose" data-option="${h(o.option_id)}">Choose option ${h(o.rank)}</button>
  </li>`;
}

/** What became of the offer, in words: the page's outcome once it is answered. */
function outcomeHtml(offer: PublicOffer, h: Escape): string {
  const chosen = offer.options.find((o) => o.option_id === offer.chosen_option_id);
  const flights = chosen ? `<p>${optionText(chosen, h)}</p>` : '';
  switch (offer.status) {
    case 'ACCEPTED':
    case 'AUTO_REBOOKED':
      return `<div class="outcome outcome-ok"><h3>You are booked</h3>${flights}<p>A confirmation is on its way on your usual channels.</p></div>`;
    case 'PENDING_AGENT':
      return `<div class="outcome"><h3>An agent will confirm your choice</h3>${flights}<p>This option needs an agent’s approval; we will message you when it is confirmed.</p></div>`;
    case 'DECLINED':
      return '<div class="outcome"><h3>Your booking is cancelled for a refund</h3><p>The refund goes back to your original form of payment.</p></div>';
    case 'ESCALATED':
      return '<div class="outcome"><h3>An agent will help you</h3><p>An agent has your booking and will contact you with a new flight.</p></div>';
    case 'EXPIRED':
      return '<div class="outcome"><h3>This offer has expired</h3><p>Your original booking stands.</p></div>';
    default:
      return '';
  }
}

function pageHtml(linked: Linked, h: Escape): string {
  const { offer } = linked;
  const intro = offer.voluntary
    ? `You may keep flight ${h(offer.flight_id)} or move, free of charge, to one of these.`
    : `Flight ${h(offer.flight_id)} is disrupted. Choose your new flight.`;
  const answerable = offer.status === 'OPEN';
  return `<section class="offer-page" aria-labelledby="offer-title">
    <h2 id="offer-title">Your new flight</h2>
    <p>Booking <strong>${h(linked.confirmation_number)}</strong> · ${intro}</p>
    ${offer.booking_ids.length > 1 ? `<p>Your party of ${offer.booking_ids.length} travels together: each option has room for all of you.</p>` : ''}
    ${answerable ? `<p id="offer-deadline">Please answer by <strong>${h(new Date(offer.expires_at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }))}</strong> (your time). Without an answer we book option 1 for you.</p>` : ''}
    <div id="offer-result" role="status" aria-live="polite">${answerable ? '' : outcomeHtml(offer, h)}</div>
    ${answerable ? `<ol class="option-cards" id="options">${offer.options.map((o) => optionCard(o, h)).join('')}</ol>` : ''}
    ${
      answerable
        ? `<details class="decline" id="decline"><summary>None of these work for me</summary>
      <button type="button" class="secondary" data-choice="refund">Cancel my trip and refund me</button>
      <button type="button" class="secondary" data-choice="agent">Ask an agent to find another flight</button></details>`
        : ''
    }
  </section>`;
}

function settle(root: HTMLElement, reply: Reply, h: Escape): void {
  const result = root.querySelector('#offer-result') as HTMLElement;
  const { status, body } = reply;
  if (status < 300 && body.offer) {
    result.innerHTML = outcomeHtml(body.offer, h);
    for (const gone of root.querySelectorAll('#options, #decline, #offer-deadline')) gone.remove();
  } else if (status === 409 && body.remaining_options) {
    result.innerHTML = `<div class="outcome outcome-warn"><h3>That seat was just taken</h3><p>${body.remaining_options.length ? 'Please choose one of the options still open.' : 'No option is left; ask an agent below.'}</p></div>`;
    for (const card of root.querySelectorAll<HTMLElement>('.option-card'))
      if (!body.remaining_options.some((o) => o.option_id === card.dataset.option)) card.remove();
  } else if (status === 410 || (status === 409 && body.offer)) {
    result.innerHTML = body.offer
      ? outcomeHtml(body.offer, h) ||
        `<div class="outcome outcome-warn"><h3>${h(body.error)}</h3></div>`
      : `<div class="outcome outcome-warn"><h3>${h(body.error ?? 'This offer has expired')}</h3></div>`;
    for (const gone of root.querySelectorAll('#options, #decline, #offer-deadline')) gone.remove();
  } else {
    result.innerHTML = `<div class="outcome outcome-warn"><h3>We could not take your answer</h3><p>${h(body.error ?? `Error ${status}`)}. Please try again.</p></div>`;
  }
  result.focus();
}

function bindAnswers(root: HTMLElement, link: Link, offerId: string, h: Escape): void {
  const base = `/offers/${encodeURIComponent(offerId)}`;
  const answer = async (button: HTMLButtonElement, request: () => Promise<Reply>) => {
    const label = button.textContent;
    for (const b of root.querySelectorAll<HTMLButtonElement>('button')) b.disabled = true;
    button.textContent = 'Sending…';
    settle(root, await request(), h);
    button.textContent = label;
    for (const b of root.querySelectorAll<HTMLButtonElement>('button')) b.disabled = false;
  };
  for (const button of root.querySelectorAll<HTMLButtonElement>('button.choose')) {
    const optionId = button.dataset.option as string;
    button.addEventListener('click', () =>
      answer(button, () =>
        call(link, `${base}/accept`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'Idempotency-Key': idempotencyKey(offerId, optionId),
          },
          body: JSON.stringify({ option_id: optionId }),
        }),
      ),
    );
  }
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-choice]')) {
    button.addEventListener('click', () =>
      answer(button, () =>
        call(link, `${base}/decline`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ choice: button.dataset.choice }),
        }),
      ),
    );
  }
}

const gone = (view: HTMLElement, why: string, h: Escape) => {
  view.innerHTML = `<section class="offer-page"><h2 id="offer-title">This link no longer works</h2>
    <p>${h(why)} Your disruption message tells you how to reach an agent.</p></section>`;
};

/** Renders the offer behind a passenger's link, or says plainly that the link no longer works. */
export async function renderPassengerOffer(
  view: HTMLElement,
  token: string,
  h: Escape,
): Promise<void> {
  view.dataset.page = 'passenger-offer';
  const bookingId = bookingOf(token);
  if (!bookingId) return gone(view, 'It is not a link we sent.', h);
  const link = { token, bookingId };
  const [booking, offer] = await Promise.all([
    call(link, `/bookings/${encodeURIComponent(bookingId)}`),
    call(link, `/bookings/${encodeURIComponent(bookingId)}/offer`),
  ]);
  if (booking.status !== 200 || offer.status !== 200) {
    const why = [booking.status, offer.status].includes(401)
      ? 'It has expired or is not valid.'
      : `${offer.body.error ?? booking.body.error ?? 'Something went wrong'}.`;
    return gone(view, why, h);
  }
  const linked: Linked = {
    booking_id: bookingId,
    confirmation_number: String((booking.body as Record<string, unknown>).confirmation_number),
    offer: offer.body as unknown as PublicOffer,
  };
  view.innerHTML = pageHtml(linked, h);
  (view.querySelector('#offer-result') as HTMLElement).tabIndex = -1;
  bindAnswers(view, link, linked.offer.offer_id, h);
}
