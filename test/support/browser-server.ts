import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface BrowserServer {
  /** Where the browser opens the console, e.g. http://127.0.0.1:41234. */
  base: string;
  /** Every 5xx the browser got, as "METHOD /path status": a console test expects none. */
  serverErrors: string[];
  /** Serves this app from now on (until then the server answers 503). */
  serve(app: Hono): void;
  close(): void;
}

/**
 * An HTTP server on a loopback port for a browser test, watching every answer. It listens
 * before the app exists, so a runtime can be started with this address as its public URL (the
 * links in its messages then open here).
 */
export async function startBrowserServer(): Promise<BrowserServer> {
  let app: Hono | undefined;
  const serverErrors: string[] = [];
  const server: ServerType = serve({
    fetch: async (request: Request) => {
      if (!app) return new Response('starting', { status: 503 });
      const response = await app.fetch(request);
      if (response.status >= 500)
        serverErrors.push(`${request.method} ${new URL(request.url).pathname} ${response.status}`);
      return response;
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serverErrors,
    serve: (served) => {
      app = served;
    },
    close: () => server.close(),
  };
}
