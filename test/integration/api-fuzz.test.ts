import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';

// 10,000 random and hostile requests over real HTTP to every route the app declares, mostly as
// a caller the route admits (so they reach the handlers and their parameter checks, not just the
// guard): no answer may be 5xx, and every error answer is JSON.

let stack: LocalStack;
let base: string;
let close: () => void;
const tokens: Array<string | undefined> = [];
const ids = { flight: [] as string[], booking: [] as string[], passenger: [] as string[] };

beforeAll(async () => {
  stack = await startLocalStack();
  const server = serve({ fetch: stack.runtime.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  close = () => server.close();
  const flights = await stack.get<{ flights: Array<{ flight_id: string }> }>('/flights?limit=20');
  ids.flight = flights.body.flights.map((f) => f.flight_id);
  const bookings = await stack.get<{
    bookings: Array<{ booking_id: string; passenger_id: string }>;
  }>(`/flights/${ids.flight[0]}/bookings?limit=20`);
  ids.booking = bookings.body.bookings.map((b) => b.booking_id);
  ids.passenger = bookings.body.bookings.map((b) => b.passenger_id);
  const { identity } = stack.runtime;
  // Admins most often, so that most requests reach the handlers; other roles, a passenger of one
  // booking, no token and forged tokens too.
  tokens.push(
    ...(await Promise.all(
      (['admin', 'admin', 'admin', 'admin', 'agent', 'ops-viewer'] as const).map((role) =>
        identity.staffToken(role),
      ),
    )),
  );
  const link = await identity.links.create({
    bookingId: ids.booking[0] as string,
    passengerId: ids.passenger[0] as string,
    path: '/passenger',
  });
  tokens.push(link.token, undefined, 'x.y.z', `${tokens[0]}x`, 'A'.repeat(9000));
}, 120_000);
afterAll(async () => {
  close?.();
  await stack?.stop();
});

/** A small seeded generator, so a failure names a request that can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

// A lone surrogate cannot be percent-encoded; its UTF-8 bytes are sent raw instead (RAW).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const enc = (value: string) => encodeURIComponent(value.replace(LONE_SURROGATE, '\ufffd'));
const RAW = ['%', '%ff%fe', '%zz', '&&==', '%ed%a0%80', '%c3%28', '%00'];
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HOSTILE = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  '99999999999999999999',
  'NaN',
  'null',
  'true',
  "'; DROP TABLE x; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '%ff%fe',
  '%',
  '\u0000',
  '\ud800',
  '\u{1F600}',
  'A'.repeat(3000),
  '__proto__',
  'constructor',
  'toString',
  '[object Object]',
  '2025-13-45T99:99:99Z',
  '9999-12-31T23:59:59Z',
  'CANCELLED',
  'SW1234',
];
const CURSORS = [
  b64({ PK: 'FLIGHT#SW1234', SK: 'BOOKING#x' }),
  b64({ PK: 'x' }),
  b64({ PK: '', SK: '' }),
  b64({ PK: 1, SK: { S: 'x' } }),
  b64({ GSI1PK: 'SCHEDULED', GSI1SK: 'x', PK: 'FLIGHT#SW1234', SK: 'METADATA' }),
  b64({ GSI2PK: 'EVENT_LOG', GSI2SK: 'z', PK: 'EVENT#1', SK: 'METADATA' }),
  b64({ offset: '-5' }),
  b64({ offset: 1e9 }),
  b64({ offset: 'abc' }),
  b64({ status: 'NOPE', key: { PK: 'x' } }),
  b64({ PK: 'A'.repeat(1500), SK: 'B' }),
  b64([1, 2]),
  b64('text'),
  b64(null),
  'not-base64!!',
  'AAAA',
  '',
];
const QUERY = ['limit', 'cursor', 'status', 'flight_id', 'booking_id', 'q', 'at', 'channel'];
const STATUSES = ['SCHEDULED', 'DELAYED', 'CANCELLED', 'NEEDS_REBOOKING', 'ACCEPTED', 'REJECTED'];

type G = ReturnType<typeof generator>;

function paramValue(g: G, name: string): string {
  const r = g.next();
  if (r < 0.45) {
    if (/flight/i.test(name)) return g.pick(ids.flight);
    if (/booking/i.test(name)) return g.pick(ids.booking);
    if (/passenger/i.test(name)) return g.pick(ids.passenger);
  }
  if (r < 0.6) return g.pick([...ids.flight, ...ids.booking, ...ids.passenger, 'x']);
  if (r < 0.7) return g.pick(CURSORS);
  return g.pick(HOSTILE);
}

function queryValue(g: G, name: string): string {
  if (name === 'cursor') return g.pick(CURSORS);
  if (name === 'limit') return g.pick(['1', '50', '200', '201', '0', '-1', '1.5', 'x', '1e3']);
  if (name === 'status' && g.next() < 0.5) return g.pick(STATUSES);
  return paramValue(g, name);
}

/** A JSON body: hostile shapes, or an object whose fields look like what the routes read. */
function body(g: G): string {
  const r = g.next();
  if (r < 0.25)
    return g.pick([
      '{',
      '[]',
      'null',
      '"x"',
      '1',
      '{"records": [null, 1, "x"]}',
      '{"records": {}}',
      '{"records": [{"value_base64": "!!"}]}',
      'x'.repeat(10_000),
      '['.repeat(5000),
      `{"a":${'['.repeat(200)}${']'.repeat(200)}}`,
      '{"__proto__": {"admin": true}}',
    ]);
  const fields = [
    'flight_id',
    'booking_id',
    'passenger_id',
    'option_id',
    'flight',
    'cabin',
    'token',
    'platform',
    'channel',
    'language',
    'email',
    'phone',
    'reason',
    'scenario',
    'at',
    'records',
  ];
  const object: Record<string, unknown> = {};
  for (let i = 0; i < 1 + Math.floor(g.next() * 5); i++) {
    const name = g.pick(fields);
    object[name] =
      name === 'records'
        ? [{ key: g.pick(ids.flight), value: g.next() < 0.5 ? paramValue(g, name) : {} }]
        : g.next() < 0.2
          ? g.pick([1, -1, null, true, [], {}, 1e308])
          : paramValue(g, name);
  }
  return JSON.stringify(object);
}

function randomRequest(
  g: G,
  routes: Array<{ method: string; path: string }>,
): { url: string; init: RequestInit } {
  const route = g.pick(routes);
  const path = route.path
    .replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) =>
      g.next() < 0.05 ? g.pick(RAW) : enc(paramValue(g, name)),
    )
    .replace(/\*/g, () => enc(g.pick(HOSTILE)));
  const query = Array.from({ length: Math.floor(g.next() * 4) }, () => {
    const name = g.pick(QUERY);
    const raw = g.next() < 0.05;
    // Now and then a query value sent without encoding ("%", "%ff"): the server must cope.
    return `${name}=${raw ? g.pick(RAW) : enc(queryValue(g, name))}`;
  }).join('&');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = g.pick(tokens);
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (g.next() < 0.03) headers['content-type'] = g.pick(['text/plain', 'multipart/form-data', '']);
  if (g.next() < 0.03)
    headers['idempotency-key'] = g.pick(HOSTILE.filter((h) => /^[ -~]*$/.test(h)));
  const withBody = route.method !== 'GET' && route.method !== 'HEAD';
  return {
    url: `${base}${path}${query ? `?${query}` : ''}`,
    init: { method: route.method, headers, ...(withBody ? { body: body(g) } : {}) },
  };
}

describe('10,000 random and hostile API requests', () => {
  it('never answers 5xx and always answers JSON to an error', async () => {
    const routes = stack.runtime.app.routes
      .filter((r) => r.method !== 'ALL')
      // The live feed never ends; it is tested on its own.
      .filter((r) => !/stream|live|events\/feed/i.test(r.path));
    expect(routes.length).toBeGreaterThan(30);
    const g = generator(20261201);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 10_000; i++) {
      const { url, init } = randomRequest(g, routes);
      let status: number;
      let type: string | null;
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(120_000) });
        status = response.status;
        type = response.headers.get('content-type');
        await response.arrayBuffer();
      } catch (error) {
        failures.push(`#${i} ${init.method} ${url} → no answer (${String(error)})`);
        continue;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500) failures.push(`#${i} ${init.method} ${url} → ${status}`);
      else if (status >= 400 && !type?.includes('json'))
        failures.push(`#${i} ${init.method} ${url} → ${status} without JSON`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // The requests must reach the handlers: most are admitted, and both answers and parameter
    // refusals are common (a fuzz that only meets the guard proves nothing).
    const count = (test: (s: number) => boolean) =>
      [...statuses].filter(([s]) => test(s)).reduce((sum, [, n]) => sum + n, 0);
    const denied = count((s) => s === 401 || s === 403);
    expect(denied).toBeLessThan(5_000);
    expect(count((s) => s >= 200 && s < 300)).toBeGreaterThan(1_000);
    expect(count((s) => s === 400 || s === 422)).toBeGreaterThan(1_000);
  }, 900_000);
});
