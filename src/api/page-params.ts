import { z } from 'zod';
import type { PageRequest } from '../ports.ts';
import { parseParam } from './params.ts';

const LimitSchema = z.coerce.number().int().min(1).max(200).optional();
const CursorSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,2048}$/, 'cursor is not one this API issued')
  .optional();

/** `limit` and `cursor` from the query string, validated. */
export function pageParams(query: (name: string) => string | undefined): PageRequest {
  const limit = parseParam(LimitSchema, query('limit'), 'limit');
  const cursor = parseParam(CursorSchema, query('cursor'), 'cursor');
  return { ...(limit !== undefined ? { limit } : {}), ...(cursor !== undefined ? { cursor } : {}) };
}

/** A page as the API answers it: `returned` is the page's size, never presented as a total. */
export function pageBody<T>(name: string, page: { items: T[]; nextCursor?: string }) {
  return { [name]: page.items, returned: page.items.length, next_cursor: page.nextCursor ?? null };
}
