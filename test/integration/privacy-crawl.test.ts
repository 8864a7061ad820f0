import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundEvent } from '../support/fixtures.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';
import { CRAWL_PARAMS, crawlRoutes, textOf } from '../support/route-crawl.ts';

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;
const PHONE = /\+\d[\d\s-]{7,}/;

let stack: LocalStack;
let bodies: string[];

beforeAll(async () => {
  stack = await startLocalStack();
  await stack.produce([
    inboundEvent({ eventType: 'FLIGHT_CANCELLED', flightId: 'SW9012' }, new Date().toISOString()),
  ]);
  const { body } = await stack.get<{ notifications: Array<{ body: string }> }>(
    '/notifications?flight_id=SW9012&limit=200',
  );
  bodies = body.notifications.map((n) => n.body);
});
afterAll(() => stack.stop());

const routes = () => crawlRoutes(stack);

describe('privacy crawl', () => {
  it('declares the bearer scheme and each operation\u2019s requirement in the OpenAPI document', async () => {
    const doc = (
      await stack.get<{
        components: { securitySchemes: Record<string, { type: string; scheme: string }> };
        paths: Record<string, Record<string, { security: unknown[]; 'x-roles'?: string[] }>>;
      }>('/openapi.json')
    ).body;
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(operations)) {
        if (path === '/health') expect(operation.security).toEqual([]);
        else {
          expect(operation.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
          expect(operation['x-roles']?.length, `${method} ${path}`).toBeGreaterThan(0);
        }
      }
    expect(doc.paths['/feed/flight-operations']?.post?.['x-roles']).toEqual(['admin']);
  });

  it('answers 401 JSON to every route but the public ones without a token', async () => {
    const documented = Object.keys(
      (await stack.get<{ paths: Record<string, unknown> }>('/openapi.json')).body.paths,
    );
    const crawled = routes();
    // The OpenAPI document's routes are all among the app's routes.
    for (const path of documented)
      expect(crawled.map((r) => r.path.replace(/:(\w+)/g, '{$1}'))).toContain(path);
    const anonymous = await stack.as('anonymous');
    const answers: string[] = [];
    for (const route of crawled.filter((r) => !r.open)) {
      const response = await stack.runtime.app.request(route.url, { method: route.method });
      answers.push(`${route.method} ${route.path} ${response.status}`);
      expect(response.headers.get('content-type')).toContain('application/json');
    }
    expect(answers.filter((a) => !a.endsWith(' 401'))).toEqual([]);
    expect(answers.length).toBeGreaterThan(12);
    expect((await anonymous.get('/health')).status).toBe(200);
    expect((await anonymous.get('/openapi.json')).status).toBe(200);
  });

  it('shows an operations viewer no e-mail address, phone number or message body anywhere', async () => {
    expect(bodies.length).toBeGreaterThan(0);
    const token = await stack.runtime.identity.staffToken('ops-viewer');
    let readable = 0;
    for (const route of routes().filter((r) => r.method === 'GET')) {
      const response = await stack.runtime.app.request(route.url, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status === 200) readable++;
      const text = await textOf(response);
      if (route.path.startsWith('/docs') || route.path === '/console.js') continue; // static code
      expect(text, route.path).not.toMatch(EMAIL);
      expect(text, route.path).not.toMatch(PHONE);
      for (const body of bodies) expect(text, route.path).not.toContain(body);
    }
    expect(readable).toBeGreaterThan(8);
  });

  it('keeps a passenger to their own booking', async () => {
    const passenger = await stack.as({ passengerOf: 'B009' });
    expect((await passenger.get('/bookings/B009')).status).toBe(200);
    expect((await passenger.get('/passengers/P005')).status).toBe(200);
    expect((await passenger.get('/notifications?booking_id=B009')).status).toBe(200);
    for (const path of [
      '/bookings/B001',
      '/passengers/P001',
      '/passengers/P001/bookings',
      '/notifications?booking_id=B001',
      '/notifications?flight_id=SW9012',
      '/flights/SW9012/bookings',
      '/bookings?status=NEEDS_REBOOKING',
      '/flights',
      '/events',
    ])
      expect([403, 404], path).toContain((await passenger.get(path)).status);
  });

  it("refuses a passenger every route that names another booking, passenger or anyone's data", async () => {
    const own = await stack.runtime.identity.issuer.issue({
      subject: 'passenger:P005',
      roles: ['passenger'],
      ttlSeconds: 600,
      booking: { bookingId: 'B009', passengerId: 'P005' },
    });
    // Booking B001 belongs to P001: every route, every method, pointed at them.
    const foreign = { ...CRAWL_PARAMS, bookingId: 'B001', passengerId: 'P001' };
    const answers: string[] = [];
    for (const route of crawlRoutes(stack, foreign).filter((r) => !r.open)) {
      const response = await stack.runtime.app.request(route.url, {
        method: route.method,
        headers: { authorization: `Bearer ${own}`, 'content-type': 'application/json' },
        ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { body: '{}' }),
      });
      await textOf(response);
      answers.push(`${route.method} ${route.path} ${response.status}`);
    }
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => !/ 40[34]$/.test(a))).toEqual([]);
  });

  it('shows a passenger only their own entitlements and operations the liability without names', async () => {
    const passenger = await stack.as({ passengerOf: 'B009' });
    const own = await passenger.get<{ entitlements: Array<{ booking_id: string }> }>(
      '/bookings/B009/entitlements',
    );
    expect(own.status).toBe(200);
    expect(own.body.entitlements.map((e) => e.booking_id)).toEqual(['B009']);
    expect((await passenger.get('/bookings/B001/entitlements')).status).toBe(403);
    expect((await passenger.get('/flights/SW9012/liability')).status).toBe(403);
    const viewer = await stack.as('ops-viewer');
    expect((await viewer.get('/bookings/B009/entitlements')).status).toBe(403);
    const liability = await viewer.get<{ bookings: number }>('/flights/SW9012/liability');
    expect(liability.status).toBe(200);
    expect(liability.body.bookings).toBeGreaterThan(0);
    expect(JSON.stringify(liability.body)).not.toMatch(/\b[BP]\d{3}\b/);
    const agent = await stack.as('agent');
    expect((await agent.get('/bookings/B001/entitlements')).status).toBe(200);
  });
});
