import { declarationOf } from '../../src/api/route-access.ts';
import type { LocalStack } from './local-stack.ts';

/** Real values for path parameters, so a crawl reaches the handlers and not just 404s. */
export const CRAWL_PARAMS: Record<string, string> = {
  flightId: 'SW9012',
  bookingId: 'B009',
  passengerId: 'P005',
  id: '4',
  file: 'swagger-ui.css',
};
const QUERIES: Record<string, string> = {
  '/notifications': 'flight_id=SW9012&limit=200',
  '/executions': 'flight_id=SW9012',
  '/bookings': 'status=NEEDS_REBOOKING',
  '/events': 'limit=200',
};

export interface CrawledRoute {
  method: string;
  path: string;
  url: string;
  /** Declared public (no token needed). */
  open: boolean;
}

/**
 * Every route of the composed app (API, console, sign-in, weather…) once, with its path
 * parameters filled from `params` (CRAWL_PARAMS by default) and a query that selects data.
 */
export function crawlRoutes(
  stack: LocalStack,
  params: Record<string, string> = CRAWL_PARAMS,
): CrawledRoute[] {
  const seen = new Set<string>();
  return stack.runtime.app.routes
    .filter(({ method, path }) => {
      const key = `${method} ${path}`;
      if (method === 'ALL' || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ method, path, handler }) => {
      const filled = path.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? 'X');
      const query = QUERIES[path];
      const declared = declarationOf(handler);
      return {
        method,
        path,
        url: query ? `${filled}?${query}` : filled,
        open: declared !== undefined && 'public' in declared.access,
      };
    });
}

/** A response's text; a stream is read for its first events, then cancelled. */
export async function textOf(response: Response): Promise<string> {
  if (!response.headers.get('content-type')?.includes('text/event-stream')) return response.text();
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(value);
}
