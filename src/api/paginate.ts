import { decodeCursor, encodeCursor } from '../pagination/cursor.ts';
import type { Page, PageRequest } from '../ports.ts';

/** Pages a list read whole (a flight's or passenger's bookings), with the same opaque cursors. */
export function paginate<T>(items: T[], page: PageRequest): Page<T> {
  const start = Number(decodeCursor(page.cursor)?.offset ?? 0) || 0;
  const limit = page.limit ?? 50;
  const next =
    start + limit < items.length ? encodeCursor({ offset: String(start + limit) }) : undefined;
  return { items: items.slice(start, start + limit), ...(next ? { nextCursor: next } : {}) };
}
