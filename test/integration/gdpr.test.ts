import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleData } from '../../src/runtime/sample-data.ts';
import { inboundEvent } from '../support/fixtures.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';
import { CRAWL_PARAMS, crawlRoutes, textOf } from '../support/route-crawl.ts';

// P001 holds B001 on SW1234 and B011 on SW9012.
const ERASED = 'P001';
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack();
  await stack.produce([
    inboundEvent({ eventType: 'FLIGHT_CANCELLED', flightId: 'SW9012' }, new Date().toISOString()),
  ]);
});
afterAll(() => stack.stop());

const person = loadSampleData().passengers.find((p) => p.passenger_id === ERASED);

/** Every text the system could show about the passenger: their name, e-mail and phone. */
function mentionsPassenger(text: string): string[] {
  if (!person) throw new Error('sample passenger missing');
  return [person.email, person.phone, person.last_name].filter((v) => text.includes(v));
}

describe('GDPR export and erasure', () => {
  it('exports everything held about a passenger, to them or an agent, as JSON', async () => {
    const passenger = await stack.as({ passengerOf: 'B011' });
    const { status, body } = await passenger.get<{
      passenger: { email: string };
      bookings: Array<{ booking_id: string }>;
      notifications: Array<{ booking_id: string; body: string }>;
    }>(`/passengers/${ERASED}/export`);
    expect(status).toBe(200);
    expect(body.passenger.email).toBe(person?.email);
    expect(body.bookings.map((b) => b.booking_id).sort()).toEqual(['B001', 'B011']);
    expect(body.notifications.length).toBeGreaterThan(0);
    expect(body.notifications.every((n) => n.booking_id === 'B011')).toBe(true);
    expect((await passenger.get('/passengers/P002/export')).status).toBe(403);
    expect((await (await stack.as('ops-viewer')).get(`/passengers/${ERASED}/export`)).status).toBe(
      403,
    );
  });

  it('lets only an admin erase', async () => {
    for (const role of ['agent', 'ops-viewer'] as const)
      expect((await (await stack.as(role)).delete(`/passengers/${ERASED}`)).status).toBe(403);
    expect(
      (await (await stack.as({ passengerOf: 'B011' })).delete(`/passengers/${ERASED}`)).status,
    ).toBe(403);
  });

  it('erases the passenger everywhere, keeps the audit, and the system keeps working for everyone else', async () => {
    const { status, body } = await stack.delete<Record<string, unknown>>(`/passengers/${ERASED}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      passenger_id: ERASED,
      requested_by: 'local:admin',
      bookings_pseudonymised: 2,
    });
    expect(body.notifications_erased).toBeGreaterThan(0);
    expect(body.log_lines_erased).toBeGreaterThan(0);
    // Erasing again answers the same receipt.
    expect((await stack.delete(`/passengers/${ERASED}`)).body).toEqual(body);

    expect((await stack.get(`/passengers/${ERASED}`)).status).toBe(404);
    const exported = await stack.get(`/passengers/${ERASED}/export`);
    expect(exported.body).toMatchObject({ passenger: null, erasure: body });
    const texts = [
      JSON.stringify(exported.body),
      JSON.stringify((await stack.get('/notifications?flight_id=SW9012&limit=200')).body),
      JSON.stringify((await stack.get('/bookings/B011')).body),
      JSON.stringify((await stack.get('/console/flights/SW9012')).body),
      JSON.stringify(stack.runtime.hub.latest()),
      ...readdirSync(join(stack.dataDir, 'logs')).map((f) =>
        readFileSync(join(stack.dataDir, 'logs', f), 'utf8'),
      ),
    ];
    for (const text of texts) expect(mentionsPassenger(text)).toEqual([]);
    // Every GET route an admin can read, pointed at the erased passenger's flights and bookings too.
    for (const params of [
      CRAWL_PARAMS,
      { ...CRAWL_PARAMS, flightId: 'SW1234', bookingId: 'B001', passengerId: ERASED },
      { ...CRAWL_PARAMS, bookingId: 'B011', passengerId: ERASED },
    ])
      for (const route of crawlRoutes(stack, params).filter((r) => r.method === 'GET')) {
        if (route.path.startsWith('/docs') || route.path === '/console.js') continue; // static code
        // The local stand-in for the passengers' own mailbox and phone: what was delivered to
        // them is theirs, outside what the system controls (in AWS there is no such view).
        if (route.path === '/console/mailbox' || route.path.startsWith('/console/handset'))
          continue;
        const response = await stack.runtime.app.request(route.url, {
          headers: { authorization: `Bearer ${await stack.runtime.identity.staffToken('admin')}` },
        });
        expect(mentionsPassenger(await textOf(response)), route.url).toEqual([]);
      }

    // Everyone else on the flight is still told about the next change, the erased passenger is not.
    await stack.produce([
      inboundEvent(
        { eventType: 'GATE_CHANGE', flightId: 'SW1234', newGate: 'B7' },
        new Date().toISOString(),
      ),
    ]);
    const after = await stack.get<{ notifications: Array<{ passenger_id: string }> }>(
      '/notifications?flight_id=SW1234&limit=200',
    );
    const told = new Set(after.body.notifications.map((n) => n.passenger_id));
    expect(told.size).toBeGreaterThan(0);
    expect(told.has(ERASED)).toBe(false);
    for (const text of [JSON.stringify(after.body), JSON.stringify(stack.runtime.hub.latest())])
      expect(mentionsPassenger(text)).toEqual([]);
  });
});
