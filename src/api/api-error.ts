import { HTTPException } from 'hono/http-exception';

/** A 4xx answer with a JSON body `{ error, ...details }`. */
export function apiError(
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415,
  error: string,
  details: Record<string, unknown> = {},
): HTTPException {
  return new HTTPException(status, {
    res: new Response(JSON.stringify({ error, ...details }), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  });
}

/**
 * The record a route was asked for, or a 404 naming it: `loadOr404(await get(id), 'Flight',
 * { flight_id: id })`.
 */
export function loadOr404<T>(record: T | undefined, what: string, id: Record<string, string>): T {
  if (record === undefined) throw apiError(404, `${what} not found`, id);
  return record;
}
