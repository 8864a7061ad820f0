/**
 * A flight's page at scale: its summary (notified, pending, needs rebooking, by channel), its
 * bookings searched, filtered, sorted and paged on the server, seats and special assistance,
 * message bodies collapsed, the workflow timeline in time order.
 */

import type { BookingRow } from '../src/api/console-views.ts';
import type { BoardFlight } from './board-view.ts';
import { renderFlightOffers } from './flight-offers-view.ts';
import {
  bindList,
  controlsHtml,
  type ListCounts,
  type ListState,
  pagerHtml,
  queryString,
  showing,
  sortHeader,
} from './list-controls.ts';
import { airportTime, viewerTime, viewerZone } from './time-format.ts';

type Api = <T>(path: string, init?: RequestInit) => Promise<T>;
type Escape = (value: unknown) => string;
type Json = Record<string, unknown>;

interface FlightPage {
  flight: BoardFlight;
  summary: {
    bookings: number;
    notified: number;
    pending: number;
    needs_rebooking: number;
    special_assistance: number;
    notifications_by_channel: Record<string, number>;
  };
  bookings: ListCounts & { items: BookingRow[] };
  offers_by_status: Record<string, number>;
}

const STATUSES = [
  'NOTIFIED',
  'PENDING',
  'CONFIRMED',
  'CHECKED_IN',
  'NEEDS_REBOOKING',
  'REBOOKED',
  'CANCELLED',
];
const states = new Map<string, ListState>();

function messagesHtml(row: BookingRow, h: Escape): string {
  if (row.notifications.length === 0) return '<span class="muted">none yet</span>';
  const channels = row.notifications.map((n) => n.channel).join(', ');
  const bodies = row.notifications
    .map(
      (n) =>
        `<div class="message" data-channel="${h(n.channel)}"><strong>${n.channel === 'EMAIL' ? 'Email' : h(n.channel)}</strong> · ${viewerTime(n.created_at)}${n.subject ? ` · ${h(n.subject)}` : ` (${h(n.priority)})`}\n${h(n.body)}</div>`,
    )
    .join('');
  return `<details><summary>${row.notifications.length} (${h(channels)})</summary>${bodies}</details>`;
}

function rowsHtml(rows: BookingRow[], h: Escape, status: (s: unknown) => string): string {
  return rows
    .map(
      (
        r,
      ) => `<tr data-booking="${h(r.booking_id)}"><td>${h(r.booking_id)}</td><td>${h(r.name)} <span class="muted">${h(r.passenger_id)}</span></td>
        <td>${h(r.tier)} · ${h(r.language)}</td><td>${status(r.booking_status)}</td><td>${h(r.seat)}</td>
        <td>${r.special_requests.length ? h(r.special_requests.join(', ').replaceAll('_', ' ').toLowerCase()) : '—'}</td>
        <td>${h(r.channels.join(', ') || 'none')}</td><td lang="${h(r.language)}">${messagesHtml(r, h)}</td></tr>`,
    )
    .join('');
}

function summaryHtml(page: FlightPage, h: Escape): string {
  const s = page.summary;
  const channels =
    Object.entries(s.notifications_by_channel)
      .map(([c, n]) => `${h(c)} ${n}`)
      .join(' · ') || 'none yet';
  return `<dl class="summary" id="flight-summary">
    <div><dt>Bookings</dt><dd>${s.bookings}</dd></div>
    <div><dt>Notified</dt><dd>${s.notified}</dd></div>
    <div><dt>Pending</dt><dd>${s.pending}</dd></div>
    <div><dt>Needs rebooking</dt><dd>${s.needs_rebooking}</dd></div>
    <div><dt>Special assistance</dt><dd>${s.special_assistance}</dd></div>
    <div><dt>Messages by channel</dt><dd>${channels}</dd></div></dl>`;
}

function timelineHtml(executions: Json[], h: Escape, status: (s: unknown) => string): string {
  return executions
    .slice()
    .sort((a, b) => String(a.started_at).localeCompare(String(b.started_at)))
    .map(
      (
        e,
      ) => `<li><strong>${h(e.state_machine)}</strong> ${status(e.status)} · ${viewerTime(e.started_at)} · ${h(e.duration_ms ?? '…')} ms
        <div class="muted">${((e.steps as Array<{ name: string; entered: number; failed: number }>) ?? []).map((s) => `${h(s.name)}${s.entered > 1 ? ` ×${s.entered}` : ''}${s.failed ? ' ✗' : ''}`).join(' → ')}</div></li>`,
    )
    .join('');
}

/** Renders a flight's page, or refreshes its lists when it is already shown. */
export async function renderFlightPage(
  view: HTMLElement,
  flightId: string,
  api: Api,
  h: Escape,
  status: (s: unknown) => string,
  reload: () => void,
  access: { casework: boolean } = { casework: true },
): Promise<void> {
  const state = states.get(flightId) ?? {
    q: '',
    statuses: [],
    sort: 'seat',
    dir: 'asc',
    offset: 0,
    limit: 50,
  };
  states.set(flightId, state);
  const [page, { executions }] = await Promise.all([
    api<FlightPage>(`/console/flights/${flightId}?${queryString(state)}`),
    api<{ executions: Json[] }>(`/executions?flight_id=${flightId}&limit=200`),
  ]);
  const f = page.flight;
  const page_ = `flight:${flightId}`;
  if (view.dataset.page !== page_) {
    view.dataset.page = page_;
    view.innerHTML = `<section aria-labelledby="flight-title" id="flight-section">
      <p><a href="#/">← Flight board</a></p>
      <h2 id="flight-title">${h(f.flight_id)} ${h(f.origin)} → ${h(f.destination)} <span id="flight-status"></span></h2>
      <p id="flight-times"></p>
      <div id="flight-summary-box"></div>
      <h3>Seats and rebooking</h3>
      <div id="flight-offers"></div>
      <h3>Bookings and messages</h3>
      ${access.casework ? '' : '<p class="muted" id="bookings-hidden">Passenger details and messages need the agent role.</p>'}
      ${controlsHtml(state, STATUSES, 'Find a passenger, booking or seat', 'name, P00042, B00042, 12A', h)}
      <div id="bookings-list"></div>
      <h3>Workflow timeline <span class="muted">(times in ${h(viewerZone())})</span></h3><ol class="timeline" id="timeline"></ol>
    </section>`;
    bindList(view.querySelector('#flight-section') as HTMLElement, state, reload);
  }
  (view.querySelector('#flight-status') as HTMLElement).innerHTML = status(f.status);
  (view.querySelector('#flight-times') as HTMLElement).innerHTML =
    `Gate <strong id="flight-gate">${h(f.gate)}</strong> · departs ${airportTime(f.scheduled_departure, f.origin_time_zone)} · estimated ${f.estimated_departure ? airportTime(f.estimated_departure, f.origin_time_zone) : '—'} · arrives ${airportTime(f.scheduled_arrival, f.destination_time_zone)} · delay ${h(f.delay_minutes ?? 0)} min`;
  (view.querySelector('#flight-summary-box') as HTMLElement).innerHTML = summaryHtml(page, h);
  const s = state;
  const list = view.querySelector('#bookings-list') as HTMLElement;
  list.innerHTML = `<table id="bookings"><caption id="bookings-showing">${h(showing(page.bookings, 'bookings'))}</caption>
    <thead><tr>${sortHeader(s, 'booking_id', 'Booking')}${sortHeader(s, 'name', 'Passenger')}${sortHeader(s, 'tier', 'Tier · language')}${sortHeader(s, 'status', 'Status')}${sortHeader(s, 'seat', 'Seat')}<th>Special assistance</th><th>Channels</th>${sortHeader(s, 'notified', 'Messages')}</tr></thead>
    <tbody>${rowsHtml(page.bookings.items, h, status)}</tbody></table>
    ${pagerHtml(page.bookings, 'bookings-pager')}`;
  bindList(list, state, reload);
  (view.querySelector('#timeline') as HTMLElement).innerHTML =
    timelineHtml(executions, h, status) || '<li class="muted">no workflow yet</li>';
  await renderFlightOffers(
    view.querySelector('#flight-offers') as HTMLElement,
    f,
    page.offers_by_status,
    api,
    h,
    status,
    access.casework,
  );
}
