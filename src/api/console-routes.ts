import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { ADMINS, OPERATIONS_STAFF, type Principal } from '../domain/identity/roles.ts';
import type { Flight } from '../domain/records/flight.ts';
import type { FeedProducer, FlightStore } from '../ports.ts';
import type { Activity, ActivityHub } from '../runtime/activity-hub.ts';
import type { ScenarioActions } from '../simulator/scenarios/scenario-definition.ts';
import { buildScenario, feedRecord, SCENARIO_IDS } from '../simulator/scenarios.ts';
import { apiError } from './api-error.ts';
import { parseParam } from './params.ts';
import { allow, publicRoute } from './route-access.ts';

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));
const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

export interface ConsoleDeps {
  hub: ActivityHub;
  feed: FeedProducer;
  flights: FlightStore;
  /** The metrics the console charts (local runtime aggregation). */
  metrics: () => unknown;
  /** What a scenario may do besides feeding records (the weather scenario runs the watch). */
  actions?: ScenarioActions;
}

/** The console's bundle, built once from web/console.ts with esbuild (no build step for users). */
let bundle: Promise<string> | undefined;
function consoleBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [join(WEB, 'console.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
  }).then((r) => r.outputFiles[0]?.text ?? '');
  return bundle;
}

/**
 * An activity as a principal may see it: operations viewers see that a notification went out
 * on a flight, not to whom or what it said.
 */
function activityFor(principal: Principal, activity: Activity): Activity | Record<string, unknown> {
  if (
    activity.kind !== 'notification' ||
    principal.roles.some((r) => r === 'agent' || r === 'admin')
  )
    return activity;
  const { kind, at, channel, flight_id, priority } = activity;
  return { kind, at, channel, flight_id, priority };
}

/**
 * What only the local runtime serves: the operations console, its live stream (Server-Sent
 * Events), the metrics it charts, scenarios on demand, and interactive API docs.
 */
export function consoleRoutes(deps: ConsoleDeps): Hono {
  const routes = new Hono();
  const file = (name: string, type: string) => async () =>
    new Response(await readFile(join(WEB, name)), { headers: { 'content-type': type } });

  routes.get('/', publicRoute(), file('index.html', 'text/html; charset=utf-8'));
  routes.get('/console.css', publicRoute(), file('console.css', 'text/css; charset=utf-8'));
  routes.get(
    '/console.js',
    publicRoute(),
    async () =>
      new Response(await consoleBundle(), {
        headers: { 'content-type': 'text/javascript; charset=utf-8' },
      }),
  );

  routes.get('/metrics', allow(OPERATIONS_STAFF), (c) =>
    c.json(deps.metrics() as Record<string, unknown>),
  );

  routes.get('/stream', allow(OPERATIONS_STAFF), (c) =>
    streamSSE(c, async (stream) => {
      let id = 0;
      const principal = c.var.principal;
      for (const activity of deps.hub.latest())
        await stream.writeSSE({
          event: activity.kind,
          data: JSON.stringify(activityFor(principal, activity)),
          id: String(id++),
        });
      const queue: string[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = deps.hub.subscribe((activity) => {
        queue.push(JSON.stringify(activityFor(principal, activity)));
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      while (!stream.aborted) {
        const data = queue.shift();
        if (data === undefined) {
          await Promise.race([new Promise<void>((r) => (wake = r)), stream.sleep(15_000)]);
          if (queue.length === 0 && !stream.aborted)
            await stream.writeSSE({ event: 'ping', data: '{}' });
          continue;
        }
        await stream.writeSSE({
          event: (JSON.parse(data) as { kind: string }).kind,
          data,
          id: String(id++),
        });
      }
      unsubscribe();
    }),
  );

  routes.post('/scenarios/:id', allow(ADMINS), async (c) => {
    const id = parseParam(
      z.coerce
        .number()
        .int()
        .refine((n) => SCENARIO_IDS.includes(n), `one of ${SCENARIO_IDS.join(', ')}`),
      c.req.param('id'),
      'id',
    );
    const all = await deps.flights.listFlights({ limit: 200 });
    const scenario = buildScenario(id, {
      flights: new Map(all.items.map((f: Flight) => [f.flight_id, f])),
      newId: randomUUID,
      now: new Date(),
    });
    const offsets = await deps.feed.produce(scenario.records.map(feedRecord));
    const actions = deps.actions;
    if (scenario.act && actions) {
      // The scenario acts with the authority of whoever ran it (an admin), not none.
      const headers = { authorization: c.req.header('authorization') ?? '' };
      await scenario.act({
        ...actions,
        request: (path, init) => actions.request(path, { method: 'GET', ...init, headers }),
      });
    }
    return c.json({ scenario: id, title: scenario.title, offsets }, 202);
  });

  routes.get('/docs', publicRoute(), (c) =>
    c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>FlightPulse API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head><body><div id="docs"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/openapi.json', dom_id: '#docs' });</script></body></html>`),
  );
  routes.get('/docs/assets/:file', publicRoute(), async (c) => {
    const name = c.req.param('file');
    if (!['swagger-ui.css', 'swagger-ui-bundle.js'].includes(name))
      throw apiError(404, 'Not found');
    const type = name.endsWith('.css') ? 'text/css' : 'text/javascript';
    return new Response(await readFile(join(SWAGGER_UI, name)), {
      headers: { 'content-type': type },
    });
  });
  return routes;
}
