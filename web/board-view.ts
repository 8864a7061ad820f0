/**
 * The flight board at scale: searched, filtered, sorted and paged on the server
 * (`GET /console/flights`), flight times in each airport's local time with the zone.
 */

import type { Flight } from '../src/domain/records/flight.ts';
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
import { airportTime } from './time-format.ts';

type Api = <T>(path: string, init?: RequestInit) => Promise<T>;
type Escape = (value: unknown) => string;

export type BoardFlight = Flight & {
  origin_time_zone: string | null;
  destination_time_zone: string | null;
};

interface BoardPage extends ListCounts {
  items: BoardFlight[];
  found?: { kind: string; id: string; name?: string; flights: string[] };
}

const STATUSES = ['SCHEDULED', 'BOARDING', 'DELAYED', 'CANCELLED', 'DEPARTED', 'ARRIVED'];

export const boardState: ListState = {
  q: '',
  statuses: [],
  sort: 'departure',
  dir: 'asc',
  offset: 0,
  limit: 50,
};

function rowsHtml(flights: BoardFlight[], h: Escape, status: (s: unknown) => string): string {
  return flights
    .map(
      (f) => `<tr data-flight="${h(f.flight_id)}">
        <td><a href="#/flights/${h(f.flight_id)}">${h(f.flight_id)}</a></td>
        <td>${h(f.origin)} → ${h(f.destination)}</td>
        <td>${status(f.status)}</td>
        <td>${h(f.gate)}</td>
        <td>${f.delay_minutes ? `${h(f.delay_minutes)} min` : '—'}</td>
        <td>${airportTime(f.scheduled_departure, f.origin_time_zone)}</td>
        <td>${f.estimated_departure ? airportTime(f.estimated_departure, f.origin_time_zone) : '—'}</td>
        <td>${airportTime(f.scheduled_arrival, f.destination_time_zone)}</td>
      </tr>`,
    )
    .join('');
}

function foundHtml(page: BoardPage, h: Escape): string {
  const found = page.found;
  if (!found) return '';
  const who =
    found.kind === 'passenger'
      ? `Passenger ${found.id}${found.name ? ` (${found.name})` : ''}`
      : `Booking ${found.id}`;
  return `<p class="found" role="status">${h(who)}: ${found.flights.length ? `on ${found.flights.map((f) => `<a href="#/flights/${h(f)}">${h(f)}</a>`).join(', ')}` : 'not found'}</p>`;
}

/** Renders (or, when already shown, refreshes) the board list; returns the flights shown. */
export async function renderBoardList(
  root: HTMLElement,
  api: Api,
  h: Escape,
  status: (s: unknown) => string,
  reload: () => void,
): Promise<BoardFlight[]> {
  const page = await api<BoardPage>(`/console/flights?${queryString(boardState)}`);
  let list = root.querySelector('#board-list') as HTMLElement | null;
  if (!list) {
    root.innerHTML = `<section aria-labelledby="board-title" id="board-section">
      <h2 id="board-title">Flight board</h2>
      ${controlsHtml(boardState, STATUSES, 'Find a flight, airport, passenger or booking', 'SW1234, DEN, P00042, B00042', h)}
      <div id="board-list"></div></section>`;
    list = root.querySelector('#board-list') as HTMLElement;
    bindList(root.querySelector('#board-section') as HTMLElement, boardState, reload);
  }
  const s = boardState;
  list.innerHTML = `${foundHtml(page, h)}
    <table id="board"><caption id="board-showing">${h(showing(page, 'flights'))}</caption>
      <thead><tr>${sortHeader(s, 'flight_id', 'Flight')}${sortHeader(s, 'origin', 'Route')}${sortHeader(s, 'status', 'Status')}${sortHeader(s, 'gate', 'Gate')}${sortHeader(s, 'delay', 'Delay')}${sortHeader(s, 'departure', 'Departure (airport time)')}<th>Estimated departure</th><th>Arrival (airport time)</th></tr></thead>
      <tbody>${rowsHtml(page.items, h, status)}</tbody></table>
    ${pagerHtml(page, 'board-pager')}`;
  bindList(list, boardState, reload);
  return page.items;
}
