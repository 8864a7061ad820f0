/**
 * The passenger's offer page, opened from the link in their disruption message
 * (`/#/offer/<token>`). Made for a phone first: one column, large targets, the answer in plain
 * words. The link's token is a passenger token bound to the booking that expires with the
 * offer: the page sends it as the bearer to the ordinary offer API and never asks anyone to sign
 * in (in AWS it first trades it for a Cognito token bound to the same booking). It stays in the fragment, which browsers do not send to servers or put in their logs.
 */

import type { PublicOffer } from '../src/domain/rebooking/offer.ts';
import { optionText } from './offer-format.ts';
import { offerPageText } from './offer-page-text.ts';
import { passengerBearer } from './passenger-link-exchange.ts';

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

/** The page's words: the passenger's language once their record is read. */
let t: ReturnType<typeof offerPageText> = offerPageText('en');
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

/** The booking and passenger a link's token is bound to (its claims); the API checks the rest. */
function boundTo(token: string): { bookingId: string; passengerId: string } | undefined {
  try {
    const payload = token.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const { booking_id: bookingId, passenger_id: passengerId } = claims;
    if (typeof bookingId !== 'string' || typeof passengerId !== 'string') return undefined;
    return { bookingId, passengerId };
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
    <h3>${h(t.option(o.rank))}${o.rank === 1 ? ` · ${h(t.best)}` : ''}</h3>
    <p>${optionText(o, h, t)}</p>
    <button type="button" class="choose" data-option="${h(o.option_id)}">${h(t.choose(o.rank))}</button>
  </li>`;
}

const outcome = (kind: string, [title, text]: [string, string], h: Escape, extra = '') =>
  `<div class="outcome${kind ? ` outcome-${kind}` : ''}"><h3>${h(title)}</h3>${extra}<p>${h(text)}</p></div>`;

/** What became of the offer, in words: the page's outcome once it is answered. */
function outcomeHtml(offer: PublicOffer, h: Escape): string {
  const chosen = offer.options.find((o) => o.option_id === offer.chosen_option_id);
  const flights = chosen ? `<p>${optionText(chosen, h, t)}</p>` : '';
  switch (offer.status) {
    case 'ACCEPTED':
    case 'AUTO_REBOOKED':
      return outcome('ok', t.booked, h, flights);
    case 'PENDING_AGENT':
      return outcome('', t.pending, h, flights);
    case 'DECLINED':
      return outcome('', t.declined, h);
    case 'ESCALATED':
      return outcome('', t.escalated, h);
    case 'EXPIRED':
      return outcome('', t.expired, h);
    default:
      return '';
  }
}

function pageHtml(linked: Linked, h: Escape): string {
  const { offer } = linked;
  const intro = offer.voluntary ? t.voluntary(offer.flight_id) : t.disrupted(offer.flight_id);
  const answerable = offer.status === 'OPEN';
  const by = new Date(offer.expires_at).toLocaleTimeString(t.locale, {
    hour: '2-digit',
    minute: '2-digit',
  });
  return `<section class="offer-page" aria-labelledby="offer-title">
    <h2 id="offer-title">${h(t.title)}</h2>
    <p>${h(t.booking)} <strong>${h(linked.confirmation_number)}</strong> · ${h(intro)}</p>
    ${offer.booking_ids.length > 1 ? `<p>${h(t.party(offer.booking_ids.length))}</p>` : ''}
    ${answerable ? `<p id="offer-deadline">${t.deadline(h(by))}</p>` : ''}
    <div id="offer-result" role="status" aria-live="polite">${answerable ? '' : outcomeHtml(offer, h)}</div>
    ${answerable ? `<ol class="option-cards" id="options">${offer.options.map((o) => optionCard(o, h)).join('')}</ol>` : ''}
    ${
      answerable
        ? `<details class="decline" id="decline"><summary>${h(t.none)}</summary>
      <button type="button" class="secondary" data-choice="refund">${h(t.refund)}</button>
      <button type="button" class="secondary" data-choice="agent">${h(t.agent)}</button></details>`
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
    const next = body.remaining_options.length ? t.takenSome : t.takenNone;
    result.innerHTML = outcome('warn', [t.taken, next], h);
    for (const card of root.querySelectorAll<HTMLElement>('.option-card'))
      if (!body.remaining_options.some((o) => o.option_id === card.dataset.option)) card.remove();
  } else if (status === 410 || (status === 409 && body.offer)) {
    result.innerHTML = (body.offer && outcomeHtml(body.offer, h)) || outcome('warn', t.expired, h);
    for (const gone of root.querySelectorAll('#options, #decline, #offer-deadline')) gone.remove();
  } else {
    result.innerHTML = outcome('warn', t.failed(body.error ?? `Error ${status}`), h);
  }
  result.focus();
}

function bindAnswers(root: HTMLElement, link: Link, offerId: string, h: Escape): void {
  const base = `/offers/${encodeURIComponent(offerId)}`;
  const answer = async (button: HTMLButtonElement, request: () => Promise<Reply>) => {
    const label = button.textContent;
    for (const b of root.querySelectorAll<HTMLButtonElement>('button')) b.disabled = true;
    button.textContent = t.sending;
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
  view.innerHTML = `<section class="offer-page"><h2 id="offer-title">${h(t.gone)}</h2>
    <p>${h(why)} ${h(t.goneHelp)}</p></section>`;
};

/**
 * Renders the offer behind a passenger's link in their language, or says plainly that the link
 * no longer works.
 */
export async function renderPassengerOffer(
  view: HTMLElement,
  token: string,
  h: Escape,
): Promise<void> {
  view.dataset.page = 'passenger-offer';
  const bound = boundTo(token);
  if (!bound) return gone(view, t.goneForeign, h);
  const bearer = await passengerBearer(token);
  if (!bearer) return gone(view, t.goneExpired, h);
  const link = { token: bearer, bookingId: bound.bookingId };
  const at = (path: string) => call(link, path);
  const [booking, offer, passenger] = await Promise.all([
    at(`/bookings/${encodeURIComponent(bound.bookingId)}`),
    at(`/bookings/${encodeURIComponent(bound.bookingId)}/offer`),
    at(`/passengers/${encodeURIComponent(bound.passengerId)}`),
  ]);
  t = offerPageText((passenger.body as { language?: unknown }).language);
  document.documentElement.lang = t.lang;
  if (booking.status !== 200 || offer.status !== 200) {
    const why = [booking.status, offer.status].includes(401)
      ? t.goneExpired
      : `${offer.body.error ?? booking.body.error ?? `Error ${offer.status}`}.`;
    return gone(view, why, h);
  }
  const linked: Linked = {
    booking_id: bound.bookingId,
    confirmation_number: String((booking.body as Record<string, unknown>).confirmation_number),
    offer: offer.body as unknown as PublicOffer,
  };
  view.innerHTML = pageHtml(linked, h);
  (view.querySelector('#offer-result') as HTMLElement).tabIndex = -1;
  bindAnswers(view, link, linked.offer.offer_id, h);
}
