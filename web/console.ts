/**
 * The operations console: flight board, live activity, flight pages, charts and a scenario
 * panel. It reads the same REST API as everyone else and listens to /stream (Server-Sent Events).
 */

import { InboundEventSchema } from '../src/domain/disruptions/inbound-events.ts';
import type { Flight } from '../src/domain/records/flight.ts';
import { buildEvent, type ProduceOptions } from '../src/simulator/build-event.ts';
import { renderWeather } from './weather-view.ts';

type Json = Record<string, unknown>;
interface Activity extends Json {
  kind: string;
  at: string;
}

const view = document.getElementById('view') as HTMLElement;
const feed = document.getElementById('feed') as HTMLOListElement;
const connection = document.getElementById('connection') as HTMLElement;
let statusFilter = '';

async function api<T = Json>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `${response.status}`);
  return body;
}

/** Escapes text for HTML; every value from the API goes through it. */
function h(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const time = (iso: unknown) =>
  typeof iso === 'string' && iso.length >= 16 ? iso.slice(11, 16) : '—';
const status = (s: unknown) => `<span class="status status-${h(s)}">${h(s)}</span>`;

// ── Flight board ──────────────────────────────────────────────────────────────
async function renderBoard(): Promise<void> {
  const query = statusFilter ? `?status=${statusFilter}&limit=200` : '?limit=200';
  const [{ flights }, metrics] = await Promise.all([
    api<{ flights: Flight[] }>(`/flights${query}`),
    api<Json>('/metrics'),
  ]);
  const rows = flights
    .map(
      (f) => `<tr data-flight="${h(f.flight_id)}">
        <td><a href="#/flights/${h(f.flight_id)}">${h(f.flight_id)}</a></td>
        <td>${h(f.origin)} → ${h(f.destination)}</td>
        <td>${status(f.status)}</td>
        <td>${h(f.gate)}</td>
        <td>${f.delay_minutes ? `${h(f.delay_minutes)} min` : '—'}</td>
        <td>${time(f.scheduled_departure)}</td>
        <td>${f.estimated_departure ? time(f.estimated_departure) : '—'}</td>
      </tr>`,
    )
    .join('');
  // Live refreshes update the table and the charts only, so a half-typed event is never lost.
  if (view.dataset.page === 'board') {
    (document.querySelector('#board tbody') as HTMLElement).innerHTML = rows;
    (document.querySelector('#board caption') as HTMLElement).textContent =
      `${flights.length} flights`;
    (document.getElementById('charts') as HTMLElement).outerHTML = chartsHtml(metrics);
    return;
  }
  view.dataset.page = 'board';
  view.innerHTML = `
    <section aria-labelledby="board-title">
      <h2 id="board-title">Flight board</h2>
      <label>Status
        <select id="status-filter">
          ${['', 'SCHEDULED', 'BOARDING', 'DELAYED', 'CANCELLED', 'DEPARTED', 'ARRIVED']
            .map(
              (s) =>
                `<option value="${s}" ${s === statusFilter ? 'selected' : ''}>${s || 'all'}</option>`,
            )
            .join('')}
        </select>
      </label>
      <table id="board"><caption class="muted">${flights.length} flights</caption>
        <thead><tr><th>Flight</th><th>Route</th><th>Status</th><th>Gate</th><th>Delay</th><th>Scheduled</th><th>Estimated</th></tr></thead>
        <tbody>${rows}</tbody></table>
    </section>
    ${chartsHtml(metrics)}
    ${scenarioPanelHtml(flights)}`;
  const filter = document.getElementById('status-filter') as HTMLSelectElement;
  filter.addEventListener('change', () => {
    statusFilter = filter.value;
    void renderBoard();
  });
  bindScenarioPanel(flights);
}

// ── Charts (the specification's dashboard) ────────────────────────────────────
function bars(values: Array<{ label: string; value: number }>, unit = ''): string {
  const max = Math.max(1, ...values.map((v) => v.value));
  const width = 220;
  const step = values.length > 0 ? width / values.length : width;
  const rects = values
    .map(
      (v, i) =>
        `<rect x="${i * step + 2}" y="${80 - (v.value / max) * 76}" width="${Math.max(2, step - 4)}" height="${(v.value / max) * 76}" fill="#4aa3ff"><title>${h(v.label)}: ${v.value}${unit}</title></rect>`,
    )
    .join('');
  return `<svg viewBox="0 0 ${width} 80" width="100%" height="80" role="img" aria-label="${values.map((v) => `${v.label} ${v.value}${unit}`).join(', ')}">${rects}</svg>`;
}

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
  return `<section id="charts" aria-labelledby="charts-title"><h2 id="charts-title">Dashboard</h2><div class="charts">
    <figure class="chart"><figcaption>Events processed by type, per minute</figcaption>${bars(byType)}
      <div class="muted">delay ${totals.DelayEventsProcessed ?? 0} · cancellation ${totals.CancellationEventsProcessed ?? 0} · gate ${totals.GateChangeEventsProcessed ?? 0}</div></figure>
    <figure class="chart"><figcaption>Notification success rate</figcaption><div class="big" id="notification-rate">${rate(rates.notification_success)}</div>
      <div class="muted">${totals.NotificationsSent ?? 0} recorded of ${totals.NotificationsPublished ?? 0} published</div></figure>
    <figure class="chart"><figcaption>Average workflow duration</figcaption><div class="big">${average === null || average === undefined ? '—' : `${Math.round(average)} ms`}</div>
      ${bars(
        durations.map((d) => ({ label: d.name, value: d.duration_ms })),
        ' ms',
      )}</figure>
    <figure class="chart"><figcaption>Error rate</figcaption><div class="big">${rate(rates.error)}</div>
      <div class="muted">${totals.EventsRejected ?? 0} records rejected · ${metrics.failed_workflows ?? 0} workflows failed</div></figure>
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
        <label>Delay (minutes) <input name="delayMinutes" type="number" min="1" max="1440" value="45" /></label>
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
  const [flight, { bookings }, { notifications }, { executions }] = await Promise.all([
    api<Flight>(`/flights/${flightId}`),
    api<{ bookings: Array<{ booking_id: string; passenger_id: string }> }>(
      `/flights/${flightId}/bookings`,
    ),
    api<{ notifications: Json[] }>(`/notifications?flight_id=${flightId}&limit=200`),
    api<{ executions: Json[] }>(`/executions?flight_id=${flightId}&limit=200`),
  ]);
  const details = await Promise.all(
    bookings.map(async (b) => ({
      booking: await api<Json>(`/bookings/${b.booking_id}`),
      passenger: await api<
        Json & { notification_preferences: Record<string, boolean>; language?: string }
      >(`/passengers/${b.passenger_id}`),
    })),
  );
  const rows = details
    .map(({ booking, passenger }) => {
      const prefs =
        Object.entries(passenger.notification_preferences)
          .filter(([, on]) => on)
          .map(([c]) => c)
          .join(', ') || 'none';
      const sent = notifications.filter((n) => n.booking_id === booking.booking_id);
      const messages = sent
        .map((n) =>
          n.channel === 'EMAIL'
            ? `<div class="message" data-channel="EMAIL"><strong>Email</strong> · ${h(n.subject)}\n${h(n.body)}</div>`
            : `<div class="message" data-channel="SMS"><strong>SMS</strong> (${h(n.priority)}) · ${h(n.body)}</div>`,
        )
        .join('');
      return `<tr data-booking="${h(booking.booking_id)}"><td>${h(booking.booking_id)}</td><td>${h(passenger.first_name)} ${h(passenger.last_name)}</td>
        <td>${h(passenger.tier)} · ${h(passenger.language ?? 'en')}</td><td>${status(booking.booking_status)}</td><td>${h(prefs)}</td></tr>
        <tr><td colspan="5" lang="${h(passenger.language ?? 'en')}">${messages || '<span class="muted">no notification yet</span>'}</td></tr>`;
    })
    .join('');
  const timeline = executions
    .map(
      (
        e,
      ) => `<li><strong>${h(e.state_machine)}</strong> ${status(e.status)} · ${time(e.started_at)} · ${h(e.duration_ms ?? '…')} ms
        <div class="muted">${((e.steps as Array<{ name: string; entered: number; failed: number }>) ?? []).map((s) => `${h(s.name)}${s.entered > 1 ? ` ×${s.entered}` : ''}${s.failed ? ' ✗' : ''}`).join(' → ')}</div></li>`,
    )
    .join('');
  view.dataset.page = `flight:${flightId}`;
  view.innerHTML = `<section aria-labelledby="flight-title">
      <p><a href="#/">← Flight board</a></p>
      <h2 id="flight-title">${h(flight.flight_id)} ${h(flight.origin)} → ${h(flight.destination)} ${status(flight.status)}</h2>
      <p>Gate <strong id="flight-gate">${h(flight.gate)}</strong> · scheduled ${time(flight.scheduled_departure)} · estimated ${time(flight.estimated_departure)} · delay ${h(flight.delay_minutes)} min</p>
      <h3>Bookings and messages</h3>
      <table id="bookings"><thead><tr><th>Booking</th><th>Passenger</th><th>Tier · language</th><th>Status</th><th>Channels</th></tr></thead><tbody>${rows}</tbody></table>
      <h3>Workflow timeline</h3><ol class="timeline">${timeline || '<li class="muted">no workflow yet</li>'}</ol>
    </section>`;
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
      return `<span class="kind k-notification">${h(a.channel)}</span>${h(a.flight_id)} · ${h(a.passenger_id)} · ${h(a.subject ?? a.priority)}`;
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
  item.innerHTML = `<span class="muted">${time(a.at)}</span> ${describe(a)}`;
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

function connect(): void {
  const source = new EventSource('/stream');
  source.onopen = () => {
    connection.textContent = 'live';
    connection.classList.add('live');
  };
  source.onerror = () => {
    connection.textContent = 'reconnecting…';
    connection.classList.remove('live');
  };
  for (const kind of ['event', 'workflow', 'notification', 'flight']) {
    source.addEventListener(kind, (message) => {
      addActivity(JSON.parse((message as MessageEvent<string>).data) as Activity);
      scheduleRefresh();
    });
  }
}

async function route(): Promise<void> {
  const match = /^#\/flights\/([A-Z0-9]+)$/.exec(location.hash);
  try {
    if (match?.[1]) await renderFlight(match[1]);
    else if (location.hash === '#/weather') await renderWeather(view, api, h);
    else await renderBoard();
  } catch (error) {
    view.dataset.page = 'error';
    view.innerHTML = `<section><h2>Something went wrong</h2><p>${h((error as Error).message)}</p><p><a href="#/">Back to the board</a></p></section>`;
  }
}

window.addEventListener('hashchange', () => {
  void route().then(() => (document.getElementById('main') as HTMLElement).focus());
});
connect();
void route();
