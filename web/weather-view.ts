/**
 * The console's weather page: flights the watch assessed, highest risk first, with the reports
 * and the reasons, and the two decisions operations take — a travel waiver, or a WEATHER delay
 * or cancellation that enters the normal event feed.
 */

import type { Flight } from '../src/domain/records/flight.ts';

type Api = <T>(path: string, init?: RequestInit) => Promise<T>;
type Escape = (value: unknown) => string;

/** The watch runs as of now; with the recorded sample reports, as of the morning they were recorded. */
const SAMPLE_WATCH_TIME = '2025-01-15T11:00';

function flightCard(f: Flight, h: Escape): string {
  const w = f.weather;
  if (!w) return '';
  const airport = (label: string, a: NonNullable<Flight['weather']>['departure']) => `
    <div class="weather-airport">
      <h4>${h(label)} ${h(a.airport)} at ${h(a.at.slice(11, 16))}Z — ${h(a.risk)} (${h(a.flight_category ?? 'unknown')}, from the ${h(a.source)})</h4>
      ${a.metar ? `<pre class="report" data-report="METAR">${h(a.metar)}</pre>` : ''}
      ${a.taf ? `<pre class="report" data-report="TAF">${h(a.taf)}</pre>` : ''}
    </div>`;
  const decided = [
    f.waiver ? `Waiver ${h(f.waiver.waiver_id)} issued by ${h(f.waiver.issued_by)}` : '',
    w.declared ? `${h(w.declared.kind)} declared by ${h(w.declared.by)}` : '',
  ].filter(Boolean);
  const delay = w.suggested_delay_minutes;
  return `<article class="weather-flight" data-flight="${h(f.flight_id)}" data-risk="${h(w.risk)}" aria-labelledby="wx-${h(f.flight_id)}">
    <h3 id="wx-${h(f.flight_id)}"><a href="#/flights/${h(f.flight_id)}">${h(f.flight_id)}</a> ${h(f.origin)} → ${h(f.destination)}
      <span class="risk risk-${h(w.risk)}">${h(w.risk)}</span></h3>
    <ul class="reasons">${w.reasons.map((r) => `<li>${h(r)}</li>`).join('') || '<li>No weather concern.</li>'}</ul>
    <p>${delay ? `The forecast improves after a delay of ${h(delay)} minutes.` : w.risk === 'HIGH' ? 'The forecast does not improve within 12 hours.' : ''}</p>
    ${airport('Departure', w.departure)}${airport('Arrival', w.arrival)}
    <p class="decisions" role="status">${decided.join(' · ')}</p>
    ${
      w.risk === 'NONE'
        ? ''
        : `<div class="actions">
      <button type="button" data-action="waiver" ${f.waiver ? 'disabled' : ''}>Issue travel waiver for ${h(f.flight_id)}</button>
      <button type="button" data-action="DELAY" ${delay ? '' : 'disabled'}>Declare weather delay${delay ? ` (${h(delay)} min)` : ''}</button>
      <button type="button" data-action="CANCELLATION">Declare weather cancellation</button>
    </div>`
    }
  </article>`;
}

async function decide(api: Api, flightId: string, action: string): Promise<void> {
  const path =
    action === 'waiver'
      ? `/flights/${flightId}/weather/waiver`
      : `/flights/${flightId}/weather/declaration`;
  const body =
    action === 'waiver' ? { issued_by: 'console' } : { kind: action, declared_by: 'console' };
  await api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function renderWeather(view: HTMLElement, api: Api, h: Escape): Promise<void> {
  const { flights } = await api<{ flights: Flight[] }>('/weather/flights');
  view.dataset.page = 'weather';
  view.innerHTML = `<section aria-labelledby="weather-title">
    <h2 id="weather-title">Weather watch</h2>
    <form id="watch-form">
      <label for="watch-at">Assess as of (UTC)</label>
      <input id="watch-at" name="at" type="datetime-local" value="${SAMPLE_WATCH_TIME}" />
      <button type="submit">Run weather watch</button>
      <span id="watch-result" role="status" aria-live="polite"></span>
    </form>
    <p id="weather-error" role="alert"></p>
    <div id="weather-flights">${flights.map((f) => flightCard(f, h)).join('') || '<p>No flight assessed yet.</p>'}</div>
  </section>`;
  const error = view.querySelector('#weather-error') as HTMLElement;
  (view.querySelector('#watch-form') as HTMLFormElement).addEventListener(
    'submit',
    async (submit) => {
      submit.preventDefault();
      const at = (view.querySelector('#watch-at') as HTMLInputElement).value;
      try {
        const result = await api<{ assessed: number }>('/weather/watch', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(at ? { at: `${at}:00Z` } : {}),
        });
        await renderWeather(view, api, h);
        (view.querySelector('#watch-result') as HTMLElement).textContent =
          `${result.assessed} flights assessed`;
      } catch (e) {
        error.textContent = (e as Error).message;
      }
    },
  );
  for (const button of view.querySelectorAll<HTMLButtonElement>('.weather-flight button')) {
    button.addEventListener('click', async () => {
      const card = button.closest('.weather-flight') as HTMLElement;
      try {
        await decide(api, card.dataset.flight as string, button.dataset.action as string);
        await renderWeather(view, api, h);
      } catch (e) {
        error.textContent = (e as Error).message;
      }
    });
  }
}
