import { HTTPException } from 'hono/http-exception';

/** A 4xx answer with a JSON body `{ error, ...details }`. */
export function apiError(
  status: 400 | 404 | 409 | 413 | 415,
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
