import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
}, 60_000);
afterAll(() => stack.stop());

/** A small seeded generator, so a failure names a request that can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HOSTILE = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  "'; DROP TABLE x; --",
  '<script>',
  '../../etc/passwd',
  '%00',
  '%ff%fe',
  '\u{1F600}',
  'A'.repeat(3000),
  'SW1234',
  'BK000001',
  'P000001',
  'CANCELLED',
  '__proto__',
  'constructor',
];
const CURSORS = [
  b64({ PK: 'FLIGHT#SW1234', SK: 'BOOKING#x' }),
  b64({ PK: 'x' }),
  b64({ PK: '', SK: '' }),
  b64({ GSI1PK: 'SCHEDULED', GSI1SK: 'x', PK: 'FLIGHT#SW1234', SK: 'METADATA' }),
  b64({ GSI2PK: 'EVENT_LOG', GSI2SK: 'z', PK: 'EVENT#1', SK: 'METADATA' }),
  b64({ offset: '-5' }),
  b64({ offset: '1e9' }),
  b64({ offset: 'abc' }),
  b64({ PK: 'A'.repeat(1500), SK: 'B' }),
  b64([1, 2]),
  b64('text'),
  'not-base64!!',
  'AAAA',
];
const PATHS = [
  '/health',
  '/flights',
  '/flights/{id}',
  '/flights/{id}/bookings',
  '/flights/{id}/liability',
  '/bookings',
  '/bookings/{id}',
  '/bookings/{id}/entitlements',
  '/passengers/{id}',
  '/passengers/{id}/bookings',
  '/events',
  '/notifications',
  '/executions',
  '/console/flights',
  '/console/flights/{id}',
  '/metrics',
];
const PARAMS = [
  'limit',
  'cursor',
  'status',
  'flight_id',
  'booking_id',
  'q',
  'sort',
  'order',
  'page',
];

function randomRequest(g: ReturnType<typeof generator>): { path: string; init?: RequestInit } {
  const value = () => (g.next() < 0.3 ? g.pick(CURSORS) : g.pick(HOSTILE));
  const path = g.pick(PATHS).replace('{id}', encodeURIComponent(value()));
  const query = Array.from({ length: Math.floor(g.next() * 4) }, () => {
    const name = g.pick(PARAMS);
    return `${name}=${encodeURIComponent(name === 'cursor' ? g.pick(CURSORS) : value())}`;
  }).join('&');
  const url = query ? `${path}?${query}` : path;
  if (g.next() < 0.1) {
    const body = g.pick([
      '{',
      '[]',
      '{"records": [null, 1, "x"]}',
      '{"records": {}}',
      '{"records": [{"value_base64": "!!"}]}',
      JSON.stringify({ records: [{ key: 'SW1234', value: value() }] }),
      'x'.repeat(10_000),
    ]);
    return { path: '/feed/flight-operations', init: { method: 'POST', body } };
  }
  return { path: url };
}

describe('10,000 random and hostile API requests', () => {
  it('never answers 5xx and always answers JSON to an error', async () => {
    const g = generator(20261130);
    const failures: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const { path, init } = randomRequest(g);
      const response = await stack.runtime.app.request(path, init);
      if (response.status >= 500)
        failures.push(`${init?.method ?? 'GET'} ${path} → ${response.status}`);
      else if (response.status >= 400 && !response.headers.get('content-type')?.includes('json'))
        failures.push(`${path} → ${response.status} without JSON`);
      await response.arrayBuffer();
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, 600_000);
});
