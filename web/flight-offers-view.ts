/**
 * The rebooking part of a flight's page: seats per cabin (capacity, booked, held by offers,
 * free), the flight's offers counted by status, and — for agents — the offers themselves.
 */

import type { Offer } from '../src/domain/rebooking/offer.ts';
import type { FlightSeats } from '../src/domain/rebooking/seat-inventory.ts';
import { OFFER_STATUS_ORDER, optionText, reasonText } from './offer-format.ts';
import { viewerTime } from './time-format.ts';

type Api = <T>(path: string, init?: RequestInit) => Promise<T>;
type Escape = (value: unknown) => string;

function seatsHtml(seats: FlightSeats | undefined, h: Escape): string {
  const cabins = Object.entries(seats ?? {});
  if (cabins.length === 0) return '<p class="muted" id="seats">No seat inventory recorded.</p>';
  const rows = cabins
    .map(
      ([cabin, c]) =>
        `<tr data-cabin="${h(cabin)}"><th scope="row">${h(cabin)}</th><td>${h(c?.capacity)}</td><td>${h(c?.booked)}</td><td>${h(c?.held)}</td><td>${h(Math.max(0, (c?.capacity ?? 0) - (c?.booked ?? 0) - (c?.held ?? 0)))}</td></tr>`,
    )
    .join('');
  return `<table id="seats"><caption>Seats per cabin</caption>
    <thead><tr><th scope="col">Cabin</th><th scope="col">Capacity</th><th scope="col">Booked</th><th scope="col">Held</th><th scope="col">Free</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

function countsHtml(counts: Record<string, number>, h: Escape): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return `<dl class="summary" id="offer-counts" aria-label="Offers by status">
    <div><dt>All offers</dt><dd data-status="ALL">${total}</dd></div>
    ${OFFER_STATUS_ORDER.map((s) => `<div><dt>${h(s.replace('_', ' ').toLowerCase())}</dt><dd data-status="${s}">${h(counts[s] ?? 0)}</dd></div>`).join('')}
  </dl>`;
}

/** Every offer of a flight, page after page. */
async function flightOffers(api: Api, flightId: string): Promise<Offer[]> {
  const offers: Offer[] = [];
  let cursor: string | null = null;
  do {
    const page: { offers: Offer[]; next_cursor: string | null } = await api(
      `/offers?flight_id=${flightId}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    offers.push(...page.offers);
    cursor = page.next_cursor;
  } while (cursor);
  return offers;
}

function offerRowsHtml(offers: Offer[], h: Escape, status: (s: unknown) => string): string {
  const order = (o: Offer) => OFFER_STATUS_ORDER.indexOf(o.status);
  return offers
    .slice()
    .sort((a, b) => order(a) - order(b) || a.offer_id.localeCompare(b.offer_id))
    .map((o) => {
      const chosen = o.options.find((x) => x.option_id === o.chosen_option_id);
      const shown = chosen ? [chosen] : o.options;
      return `<tr data-offer="${h(o.offer_id)}" data-status="${h(o.status)}">
        <td>${h(o.offer_id)}</td><td>${h(o.booking_ids.join(', '))}</td><td>${h(o.tier)} · ${h(o.seats_needed)} seat${o.seats_needed > 1 ? 's' : ''}</td>
        <td>${status(o.status)}${o.escalation_reason ? `<div class="muted">${h(reasonText(o.escalation_reason))}</div>` : ''}</td>
        <td>${chosen ? '<span class="muted">chosen:</span> ' : ''}${shown.map((x) => `<div>${h(x.rank)}. ${optionText(x, h)}</div>`).join('') || '<span class="muted">no option</span>'}</td>
        <td>${viewerTime(o.expires_at)}</td></tr>`;
    })
    .join('');
}

/** Fills the flight page's rebooking section; the offer list is casework (agents, admins). */
export async function renderFlightOffers(
  root: HTMLElement,
  flight: { flight_id: string; seats?: FlightSeats },
  counts: Record<string, number>,
  api: Api,
  h: Escape,
  status: (s: unknown) => string,
  casework: boolean,
): Promise<void> {
  const list = casework
    ? `<table id="offers"><caption>Offers of ${h(flight.flight_id)}</caption>
        <thead><tr><th scope="col">Offer</th><th scope="col">Bookings</th><th scope="col">Tier · seats</th><th scope="col">Status</th><th scope="col">Options</th><th scope="col">Expires</th></tr></thead>
        <tbody>${offerRowsHtml(await flightOffers(api, flight.flight_id), h, status) || '<tr><td colspan="6" class="muted">No offers for this flight.</td></tr>'}</tbody></table>`
    : '<p class="muted">The offers themselves need the agent role.</p>';
  root.innerHTML = `${seatsHtml(flight.seats, h)}<h4>Rebooking offers by status</h4>${countsHtml(counts, h)}${list}`;
}
