/**
 * The agents' queue: offers a machine could not settle — ESCALATED (with the reason) and
 * PENDING_AGENT (an option that needs approval). An agent confirms the passenger's pick, or
 * rebooks the party by hand onto flights they choose, through the offer API.
 */

import type { Offer } from '../src/domain/rebooking/offer.ts';
import type { BoardFlight } from './board-view.ts';
import { localClock, optionText, reasonText } from './offer-format.ts';
import { viewerTime } from './time-format.ts';

type Api = <T>(path: string, init?: RequestInit) => Promise<T>;
type Escape = (value: unknown) => string;

const QUEUE_STATUSES = ['PENDING_AGENT', 'ESCALATED'] as const;

async function offersWith(api: Api, status: string): Promise<Offer[]> {
  const offers: Offer[] = [];
  let cursor: string | null = null;
  do {
    const page: { offers: Offer[]; next_cursor: string | null } = await api(
      `/offers?status=${status}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    offers.push(...page.offers);
    cursor = page.next_cursor;
  } while (cursor);
  return offers;
}

/** Flights an agent may move a party to: same route, not cancelled, not gone. */
async function routeFlights(api: Api, flightId: string): Promise<BoardFlight[]> {
  const disrupted = await api<BoardFlight>(`/flights/${flightId}`);
  const page = await api<{ items: BoardFlight[] }>(
    `/console/flights?q=${disrupted.origin}&status=SCHEDULED,DELAYED,BOARDING&sort=departure&limit=200`,
  );
  return page.items.filter(
    (f) => f.destination === disrupted.destination && f.flight_id !== flightId,
  );
}

const free = (f: BoardFlight, cabin: string) => {
  const c = f.seats?.[cabin as keyof NonNullable<BoardFlight['seats']>];
  return c ? Math.max(0, c.capacity - c.booked - c.held) : 0;
};

function rebookFormHtml(o: Offer, flights: BoardFlight[], h: Escape): string {
  const choices = [
    ...o.options.map((x) => ({
      value: x.segments.map((s) => s.flight_id).join('+'),
      label: `${x.segments.map((s) => `${s.flight_id} ${s.origin}→${s.destination} ${localClock(s.departure)}`).join(' + ')} (offered option ${x.rank})`,
    })),
    ...flights.map((f) => ({
      value: f.flight_id,
      label: `${f.flight_id} ${f.origin}→${f.destination} ${localClock(f.estimated_departure ?? f.scheduled_departure)} · free: economy ${free(f, 'ECONOMY')}, business ${free(f, 'BUSINESS')}`,
    })),
  ].filter((c, i, all) => all.findIndex((d) => d.value === c.value) === i);
  const id = h(o.offer_id);
  return `<form class="rebook" data-offer="${id}">
    <label for="flights-${id}">Rebook by hand onto</label>
    <select id="flights-${id}" name="flights" required>${choices.map((c) => `<option value="${h(c.value)}">${h(c.label)}</option>`).join('')}</select>
    <label for="cabin-${id}">Cabin</label>
    <select id="cabin-${id}" name="cabin">${['ECONOMY', 'BUSINESS'].map((c) => `<option ${c === o.cabin ? 'selected' : ''}>${c}</option>`).join('')}</select>
    <button type="submit">Rebook ${h(o.booking_ids.join(', '))}</button>
  </form>`;
}

function offerCardHtml(o: Offer, flights: BoardFlight[], h: Escape): string {
  const chosen = o.options.find((x) => x.option_id === o.chosen_option_id);
  const why =
    o.status === 'PENDING_AGENT'
      ? `The passenger chose an option that needs an agent’s approval (${h(chosen?.approval ?? 'policy')}).`
      : h(reasonText(o.escalation_reason));
  return `<article class="queue-offer" data-offer="${h(o.offer_id)}" data-status="${h(o.status)}" aria-labelledby="q-${h(o.offer_id)}">
    <h3 id="q-${h(o.offer_id)}">${h(o.status.replace('_', ' '))} · <a href="#/flights/${h(o.flight_id)}">${h(o.flight_id)}</a> · ${h(o.booking_ids.join(', '))}</h3>
    <p class="reason"><strong>Reason:</strong> ${why}</p>
    <p class="muted">${h(o.tier)} · ${h(o.seats_needed)} seat${o.seats_needed > 1 ? 's' : ''} in ${h(o.cabin)} · passengers ${h(o.passenger_ids.join(', '))} · since ${viewerTime(o.created_at)} · ${h(o.offer_id)}</p>
    ${o.options.length ? `<ol class="options">${o.options.map((x) => `<li>${optionText(x, h)}</li>`).join('')}</ol>` : '<p class="muted">No option was found.</p>'}
    ${chosen && o.status === 'PENDING_AGENT' ? `<p><button type="button" class="confirm" data-offer="${h(o.offer_id)}">Confirm ${h(chosen.option_id)}</button></p>` : ''}
    ${rebookFormHtml(o, flights, h)}
  </article>`;
}

async function act(api: Api, path: string, body?: unknown): Promise<string> {
  const answer = await api<{ offer?: { status: string; chosen_option_id?: string } }>(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return `${answer.offer?.status ?? 'done'}${answer.offer?.chosen_option_id ? ` on ${answer.offer.chosen_option_id}` : ''}`;
}

function bindQueue(view: HTMLElement, api: Api, h: Escape): void {
  const result = view.querySelector('#queue-result') as HTMLElement;
  const queue = view.querySelector('#queue') as HTMLElement;
  const run = async (offerId: string, path: string, body?: unknown) => {
    try {
      const outcome = await act(api, path, body);
      await renderAgentQueue(view, api, h);
      result.textContent = `${offerId}: ${outcome}`;
    } catch (e) {
      result.textContent = `${offerId}: ${(e as Error).message}`;
    }
  };
  for (const button of queue.querySelectorAll<HTMLButtonElement>('button.confirm')) {
    const offerId = button.dataset.offer as string;
    button.addEventListener('click', () => void run(offerId, `/offers/${offerId}/confirm`));
  }
  for (const form of queue.querySelectorAll<HTMLFormElement>('form.rebook')) {
    const offerId = form.dataset.offer as string;
    form.addEventListener('submit', (submit) => {
      submit.preventDefault();
      const data = new FormData(form);
      const body = {
        flight_ids: String(data.get('flights')).split('+'),
        cabin: String(data.get('cabin')),
      };
      void run(offerId, `/offers/${offerId}/rebook`, body);
    });
  }
}

/** What the agent has chosen in each rebook form, so a refresh of the queue keeps it. */
function formChoices(queue: HTMLElement): Map<string, Array<[string, string]>> {
  const chosen = new Map<string, Array<[string, string]>>();
  for (const form of queue.querySelectorAll<HTMLFormElement>('form.rebook'))
    chosen.set(
      form.dataset.offer as string,
      [...form.querySelectorAll('select')].map((s) => [s.name, s.value]),
    );
  return chosen;
}

function restoreChoices(queue: HTMLElement, chosen: Map<string, Array<[string, string]>>): void {
  for (const form of queue.querySelectorAll<HTMLFormElement>('form.rebook'))
    for (const [name, value] of chosen.get(form.dataset.offer as string) ?? []) {
      const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
      if (select && [...select.options].some((o) => o.value === value)) select.value = value;
    }
}

/**
 * Renders the queue, oldest first within each status. A live refresh leaves it alone while the
 * agent is working in it (focus inside), so a half-made choice is never wiped.
 */
export async function renderAgentQueue(
  view: HTMLElement,
  api: Api,
  h: Escape,
  options: { live?: boolean } = {},
): Promise<void> {
  const busy = view.querySelector('#queue')?.contains(document.activeElement) ?? false;
  if (options.live && view.dataset.page === 'agent-queue' && busy) return;
  const offers = (await Promise.all(QUEUE_STATUSES.map((s) => offersWith(api, s)))).flatMap(
    (list) => list.sort((a, b) => a.created_at.localeCompare(b.created_at)),
  );
  const routes = new Map<string, BoardFlight[]>();
  for (const flightId of new Set(offers.map((o) => o.flight_id)))
    routes.set(flightId, await routeFlights(api, flightId));
  const counts = QUEUE_STATUSES.map(
    (s) => `${offers.filter((o) => o.status === s).length} ${s.replace('_', ' ').toLowerCase()}`,
  ).join(' · ');
  // The heading and the last action's result stay; only the counts and the offers are redrawn.
  if (view.dataset.page !== 'agent-queue') {
    view.dataset.page = 'agent-queue';
    view.innerHTML = `<section aria-labelledby="queue-title">
      <h2 id="queue-title">Agent queue</h2>
      <p id="queue-counts"></p>
      <p id="queue-result" role="status" aria-live="polite"></p>
      <div id="queue"></div>
    </section>`;
  }
  (view.querySelector('#queue-counts') as HTMLElement).textContent = counts;
  const queue = view.querySelector('#queue') as HTMLElement;
  const choices = formChoices(queue);
  queue.innerHTML =
    offers.map((o) => offerCardHtml(o, routes.get(o.flight_id) ?? [], h)).join('') ||
    '<p>Nothing waits for an agent.</p>';
  restoreChoices(queue, choices);
  bindQueue(view, api, h);
}
