import type { Flight } from '../domain/records/flight.ts';
import type { FlightStore, Page, PageRequest } from '../ports.ts';

/**
 * Every item of a paged store list, read page by page. For the few readers that need a whole
 * list (metrics, the weather view, an export); the API itself answers one page at a time.
 */
export async function allPages<T>(
  read: (page: PageRequest) => Promise<Page<T>>,
  limit = 200,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * Every flight, once. The list is read status by status, so a flight whose status moves while it
 * is read (a delay declared from the console) can be met twice: the copy read last is kept.
 */
export async function allFlights(flights: Pick<FlightStore, 'listFlights'>): Promise<Flight[]> {
  const read = await allPages((page) => flights.listFlights(page), 100);
  return [...new Map(read.map((f) => [f.flight_id, f])).values()];
}
