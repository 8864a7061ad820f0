/**
 * The operations console: flight board, live activity, flight pages, charts and a scenario
 * panel. It reads the same REST API as everyone else and listens to /stream (Server-Sent Events).
 */

import { InboundEventSchema, MAX_DELAY_MINUTES } from '../src/domain/disruptions/inbound-events.ts';
import type { Flight } from '../src/domain/records/flight.ts';
import { buildEvent, type ProduceOptions } from '../src/simulator/build-event.ts';
import { renderAgentQueue } from './agent-queue-view.ts';
import { renderBoardList } from './board-view.ts';
import { axisBars } from './chart-axes.ts';
import { applyFeedFilter, bindFeedFilter } from './feed-filter.ts';
import { renderFlightPage } from './flight-view.ts';
import { renderMail, renderMailbox, renderPhone } from './inbox-view.ts';
import { renderPassengerOffer } from './passenger-offer-view.ts';
import {
  authorizedFetch,
  ensureSignedIn,
  readEventStream,
  type Session,
  signOut,
} from './sign-in.ts';
import { viewerTime, viewerZone } from './time-format.ts';
import { renderWeather } from './weather-view.ts';

type Json = Record<string, unknown>;
interface Activity extends Json {
  kind: string;
  at: string;
}

const view = document.getElementById('view') as HTMLElement;
const feed = document.getElementById('feed') as HTMLOListElement;
const connection = document.getElementById('connection') as HTMLElement;
const _statusFilter = '';
let me: Session = { token: '', roles: [] };
const can = (...roles: string[]) => me.roles.some((r) => roles.includes(r));

async function api<T = Json>(path: string, init?: RequestInit): Promise<T> {
  const response = await authorizedFetch(path, init);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `${response.status}`);
  return body;
}

/** Escapes text for HTML; every value from the API goes through it. */
function h(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const status = (s: unknown) => `<span class="status status-${h(s)}">${h(s)}</span>`;

// ── Flight board ──────────────────────────────────────────────────────────────
async function renderBoard(): Promise<void> {
  const metrics = await api<Json>('/metrics');
  // Live refreshes update the list and the charts only, so a half-typed search or event is never lost.
  if (view.dataset.page === 'board') {
    await renderBoardList(boardRoot(), api, h, status, () => void renderBoard());
    (document.getElementById('charts') as HTMLElement).outerHTML = chartsHtml(metrics);
    return;
  }
  view.dataset.page = 'board';
  view.innerHTML = `<div id="board-root"></div>${chartsHtml(metrics)}<div id="panel-root"></div>`;
  const flights = await renderBoardList(boardRoot(), api, h, status, () => void renderBoard());
  (document.getElementById('panel-root') as HTMLElement).innerHTML = can('admin')
    ? scenarioPanelHtml(flights)
    : '';
  if (can('admin')) bindScenarioPanel(flights);
}

const boardRoot = () => document.getElementById('board-root') as HTMLElement;

// ── Charts (the specification's dashboard) ────────────────────────────────────
function rate(value: unknown): string {
  return typeof value === 'number' ? `${Math.round(value * 1000) / 10}%` : '—';
}

function chartsHtml(metrics: Json): string {
  const series =
    (metrics.series as Array<{ minute: string; values: Record<string, number> }>) ?? [];
  const byType = series.slice(-12).map((p) => ({
    label: `${p.minute.slice(11)} delay ${p.values.DelayEventsProcessed ?? 0} · cancellation ${p.values.CancellationEventsProcessed ?? 0} · gate ${p.values.GateChangeEventsProcessed ?? 0}`,
    value:
      (p.values.DelayEventsProcessed ?? 0) +
      (p.values.CancellationEventsProcessed ?? 0) +
      (p.values.GateChangeEventsProcessed ?? 0),
  }));
  const totals = (metrics.totals as Record<string, number>) ?? {};
  const rates = (metrics.rates as Record<string, number | null>) ?? {};
  const durations = (
    (metrics.workflow_durations as Array<{ name: string; duration_ms: number }>) ?? []
  ).slice(-20);
  const average = metrics.average_workflow_duration_ms as number | null;
  const minute = (m: string | undefined) =>
    m ? new Date(`${m}:00Z`).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
  const ingested = Number(metrics.ingested_records ?? 0);
  const finished = Number(metrics.finished_workflows ?? 0);
  return `<section id="charts" aria-labelledby="charts-title"><h2 id="charts-title">Dashboard</h2><div class="charts">
    <figure class="chart"><figcaption>Events processed by type, per minute</figcaption>${axisBars(
      byType,
      {
        y: 'events per minute',
        x: `minute (${viewerZone()})`,
        from: minute(series.slice(-12)[0]?.minute),
        to: minute(series.at(-1)?.minute),
      },
      h,
    )}
      <div class="muted">delay ${totals.DelayEventsProcessed ?? 0} · cancellation ${totals.CancellationEventsProcessed ?? 0} · gate ${totals.GateChangeEventsProcessed ?? 0}</div></figure>
    <figure class="chart"><figcaption>Notification success rate</figcaption><div class="big" id="notification-rate">${rate(rates.notification_success)}</div>
      <div class="muted">${totals.NotificationsSent ?? 0} recorded of ${totals.NotificationsPublished ?? 0} published</div></figure>
    <figure class="chart"><figcaption>Average workflow duration</figcaption><div class="big">${average === null || average === undefined ? '—' : `${Math.round(average)} ms`}</div>
      ${axisBars(
        durations.map((d) => ({ label: d.name, value: d.duration_ms })),
        { y: 'duration, ms', x: `last ${durations.length} runs, oldest first`, unit: ' ms' },
        h,
      )}</figure>
    <figure class="chart" id="error-rates"><figcaption>Errors</figcaption>
      <div><span class="big" id="rejected-rate">${rate(rates.rejected_input)}</span> rejected input</div>
      <div class="muted">${totals.EventsRejected ?? 0} of ${ingested} records refused by validation (the sender's problem)</div>
      <div><span class="big" id="failure-rate">${rate(rates.system_failure)}</span> system failures</div>
      <div class="muted">${metrics.failed_workflows ?? 0} of ${finished} workflow runs failed (FlightPulse's problem)</div></figure>
    <figure class="chart"><figcaption>LLM fallback rate</figcaption><div class="big">${rate(rates.llm_fallback)}</div>
      <div class="muted">${totals.LLMInvocationsSuccess ?? 0} composed · ${totals.LLMInvocationsFailed ?? 0} fell back</div></figure>
  </div></section>`;
}

// ── Scenarios and the event composer ─────────────────────────────────────────
function scenarioPanelHtml(flights: Flight[]): string {
  const options = flights
    .map(
      (f) =>
        `<option value="${h(f.flight_id)}">${h(f.flight_id)} ${h(f.origin)}→${h(f.destination)}</option>`,
    )
    .join('');
  return `<section aria-labelledby="scenarios-title"><h2 id="scenarios-title">Scenarios and events</h2>
    <div class="row">
      <div><h3>Run a scenario</h3>
        ${[1, 2, 3, 4, 5].map((n) => `<button type="button" class="secondary" data-scenario="${n}">Run scenario ${n}</button>`).join(' ')}
        <p id="scenario-result" class="muted" role="status"></p></div>
      <form id="compose" novalidate><h3>Compose an event</h3>
        <label>Event type <select name="eventType"><option>FLIGHT_DELAY</option><option>FLIGHT_CANCELLED</option><option>GATE_CHANGE</option></select></label>
        <label>Flight <select name="flightId" required>${options}</select></label>
        <label>Delay (minutes) <input name="delayMinutes" type="number" min="1" max="${MAX_DELAY_MINUTES}" value="45" /></label>
        <label>Reason <select name="reason"><option>WEATHER</option><option>MECHANICAL</option><option>CREW</option><option>ATC</option><option>SECURITY</option><option>OTHER</option></select></label>
        <label>New gate <input name="newGate" placeholder="D15" /></label>
        <label><input name="terminalChange" type="checkbox" /> Terminal change</label>
        <p class="error" id="compose-error" role="alert"></p>
        <button type="submit">Send event</button>
      </form>
    </div></section>`;
}

function bindScenarioPanel(flights: Flight[]): void {
  const result = document.getElementById('scenario-result') as HTMLElement;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-scenario]')) {
    button.addEventListener('click', async () => {
      const body = await api<{ title: string }>(`/scenarios/${button.dataset.scenario}`, {
        method: 'POST',
      });
      result.textContent = `Sent: ${body.title}`;
    });
  }
  const form = document.getElementById('compose') as HTMLFormElement;
  const error = document.getElementById('compose-error') as HTMLElement;
  form.addEventListener('submit', async (submit) => {
    submit.preventDefault();
    const data = new FormData(form);
    const eventType = String(data.get('eventType')) as ProduceOptions['eventType'];
    const flight = flights.find((f) => f.flight_id === data.get('flightId'));
    const options: ProduceOptions = {
      eventType,
      flightId: String(data.get('flightId')),
      delayMinutes: Number(data.get('delayMinutes')),
      reason: String(data.get('reason')),
      newGate: String(data.get('newGate') ?? '')
        .trim()
        .toUpperCase(),
      terminalChange: data.get('terminalChange') === 'on',
    };
    if (eventType === 'FLIGHT_CANCELLED' && ['ATC', 'SECURITY'].includes(options.reason ?? ''))
      options.reason = 'OTHER';
    const event = buildEvent(options, flight, crypto.randomUUID(), new Date().toISOString());
    // The same schema the ingest function validates with.
    const check = InboundEventSchema.safeParse(event);
    if (!check.success) {
      error.textContent = check.error.issues
        .map((i) => `${i.path.slice(1).join('.') || 'event'}: ${i.message}`)
        .join('; ');
      return;
    }
    error.textContent = '';
    await api('/feed/flight-operations', { method: 'POST', body: JSON.stringify(event) });
    result.textContent = `Sent ${eventType} for ${options.flightId}`;
  });
}

// ── Flight page ───────────────────────────────────────────────────────────────
async function renderFlight(flightId: string): Promise<void> {
  // Operations viewers see the flight and its workflows; passenger details need an agent.
  await renderFlightPage(view, flightId, api, h, status, () => void renderFlight(flightId), {
    casework: can('agent', 'admin'),
  });
}

// ── Live activity ─────────────────────────────────────────────────────────────
function describe(a: Activity): string {
  switch (a.kind) {
    case 'event':
      return `<span class="kind k-${h(a.outcome)}">${h(a.outcome)}</span>${h(a.detail_type ?? '')} ${h(a.event_id ?? `offset ${a.offset}`)}${a.reason ? ` — ${h(a.reason)}` : ''}`;
    case 'workflow': {
      const steps = (a.steps as Array<{ name: string }>).map((s) => s.name);
      return `<span class="kind k-workflow">${h(a.state_machine)}</span>${h(a.flight_id ?? '')} ${status(a.status)} ${h(steps.at(-1) ?? '')}`;
    }
    case 'notification':
      return `<span class="kind k-notification">${h(a.channel)}</span>${h(a.flight_id)}${a.passenger_id ? ` · ${h(a.passenger_id)}` : ''} · ${h(a.subject ?? a.priority)}`;
    default:
      return `<span class="kind">${h(a.kind)}</span>${h(a.flight_id ?? '')} ${h(a.status ?? '')}`;
  }
}

const rendered = new Map<string, HTMLLIElement>();
function addActivity(a: Activity): void {
  // A workflow's progress updates its one line instead of adding lines.
  const key = a.kind === 'workflow' ? `wf:${a.execution_name}` : undefined;
  const existing = key ? rendered.get(key) : undefined;
  const item = existing ?? document.createElement('li');
  item.dataset.kind = a.kind;
  item.dataset.flight = String(a.flight_id ?? '');
  item.innerHTML = `<span class="muted">${viewerTime(a.at)}</span> ${describe(a)}`;
  applyFeedFilter(item);
  if (!existing) {
    feed.prepend(item);
    if (key) rendered.set(key, item);
    while (feed.children.length > 200) feed.lastElementChild?.remove();
  }
}

let refresh: number | undefined;
function scheduleRefresh(): void {
  clearTimeout(refresh);
  refresh = window.setTimeout(() => void route(), 300);
}

const ACTIVITY_KINDS = ['event', 'workflow', 'notification', 'flight'];

/** The live feed, read with the bearer token; reconnects after a pause when it drops. */
function connect(): void {
  const opened = () => {
    connection.textContent = 'live';
    connection.classList.add('live');
  };
  const onEvent = (kind: string, data: string) => {
    if (!ACTIVITY_KINDS.includes(kind)) return;
    addActivity(JSON.parse(data) as Activity);
    scheduleRefresh();
  };
  readEventStream('/stream', opened, onEvent)
    .catch(() => undefined)
    .finally(() => {
      connection.textContent = 'reconnecting…';
      connection.classList.remove('live');
      window.setTimeout(connect, 2000);
    });
}

// ── A passenger's own booking (from a passenger link or passenger sign-in) ─────
async function renderBooking(bookingId: string): Promise<void> {
  const [booking, { notifications }] = await Promise.all([
    api<Json>(`/bookings/${bookingId}`),
    api<{ notifications: Json[] }>(`/notifications?booking_id=${bookingId}&limit=200`),
  ]);
  view.dataset.page = `booking:${bookingId}`;
  view.innerHTML = `<section aria-labelledby="booking-title">
      <h2 id="booking-title">Booking ${h(booking.booking_id)} · flight ${h(booking.flight_id)}</h2>
      <p>Seat ${h(booking.seat)} · ${status(booking.booking_status)}</p>
      <h3>Your messages</h3>
      ${notifications.map((n) => `<div class="message" data-channel="${h(n.channel)}"><strong>${h(n.channel)}</strong> · ${h(n.subject ?? '')}\n${h(n.body)}</div>`).join('') || '<p class="muted">No messages yet.</p>'}
    </section>`;
}

function showSession(): void {
  const who = document.createElement('span');
  who.id = 'session';
  who.innerHTML = `signed in as <strong>${h(me.roles.join(', ') || 'no role')}</strong> <button type="button" class="secondary" id="sign-out">Sign out</button>`;
  document.querySelector('header nav')?.append(who);
  // What passengers received is personal data: the mailbox and phone are casework; so is the
  // agent queue.
  if (can('agent', 'admin'))
    document
      .getElementById('connection')
      ?.insertAdjacentHTML(
        'beforebegin',
        '<a href="#/agent-queue">Agent queue</a> <a href="#/mailbox">Mailbox</a> <a href="#/phone">Phone</a> ',
      );
  (document.getElementById('sign-out') as HTMLButtonElement).addEventListener('click', signOut);
}

/**
 * Renders the page the address names. Renders run one after another, so a live refresh that
 * started before a navigation can never paint the old page over the new one.
 */
let routing: Promise<void> = Promise.resolve();
function route(): Promise<void> {
  routing = routing.then(renderRoute);
  return routing;
}

async function renderRoute(): Promise<void> {
  const match = /^#\/flights\/([A-Z0-9]+)$/.exec(location.hash);
  const booking = /^#\/bookings\/([A-Za-z0-9_-]+)$/.exec(location.hash);
  const mail = /^#\/mailbox\/([A-Za-z0-9_.-]+)$/.exec(location.hash);
  try {
    if (booking?.[1]) await renderBooking(booking[1]);
    else if (me.bookingId) await renderBooking(me.bookingId);
    else if (match?.[1]) await renderFlight(match[1]);
    else if (location.hash === '#/weather') await renderWeather(view, api, h);
    else if (mail?.[1]) await renderMail(view, api, h, mail[1]);
    else if (location.hash === '#/mailbox') await renderMailbox(view, api, h);
    else if (location.hash === '#/phone') await renderPhone(view, api, h);
    else if (location.hash === '#/agent-queue' && can('agent', 'admin'))
      await renderAgentQueue(view, api, h, { live: true });
    else await renderBoard();
  } catch (error) {
    view.dataset.page = 'error';
    view.innerHTML = `<section><h2>Something went wrong</h2><p>${h((error as Error).message)}</p><p><a href="#/">Back to the board</a></p></section>`;
  }
}

/**
 * A passenger's offer link (`#/offer/<token>`) opens their offer page: the token is the
 * credential, so there is no sign-in, no staff navigation and no live feed. Punctuation a mail
 * or SMS app took into the link after the token is left out.
 */
const offerLink = /^#\/offer\/([\w-]+\.[\w-]+\.[\w-]+)/.exec(location.hash);
if (offerLink?.[1]) {
  document.body.classList.add('passenger-page');
  document.title = 'Your new flight · FlightPulse';
  void renderPassengerOffer(view, offerLink[1], h);
} else {
  window.addEventListener('hashchange', () => {
    void route().then(() => (document.getElementById('main') as HTMLElement).focus());
  });
  bindFeedFilter(feed);
  void ensureSignedIn(view).then((session) => {
    me = session;
    showSession();
    // The live feed is for staff; a passenger sees their own booking only.
    if (can('ops-viewer', 'agent', 'admin')) connect();
    else connection.textContent = '';
    void route();
  });
}
