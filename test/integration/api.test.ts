import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleData } from '../../src/runtime/sample-data.ts';
import { inboundEvent, sample } from '../support/fixtures.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
  await stack.produce([
    inboundEvent({ eventType: 'FLIGHT_CANCELLED', flightId: 'SW9012' }, new Date().toISOString()),
  ]);
});
afterAll(() => stack.stop());

describe('REST API', () => {
  it('answers the health check', async () => {
    const { status, body } = await stack.get('/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'healthy', service: 'flightpulse-api' });
  });

  it('returns a flight with the specification fields, and 404 for an unknown one', async () => {
    const { body } = await stack.get('/flights/SW1234');
    expect(body).toMatchObject({
      flight_id: 'SW1234',
      origin: 'DAL',
      destination: 'LAX',
      scheduled_departure: '2025-01-15T08:00:00-06:00',
      status: 'SCHEDULED',
      gate: 'A12',
      delay_minutes: 0,
      delay_reason: null,
    });
    expect(await stack.get('/flights/SW0000')).toEqual({
      status: 404,
      body: { error: 'Flight not found', flight_id: 'SW0000' },
    });
  });

  it('lists flights by status with the page size and pages with a cursor', async () => {
    const cancelled = await stack.get<{ flights: Array<{ flight_id: string }>; returned: number }>(
      '/flights?status=CANCELLED',
    );
    expect(cancelled.body.returned).toBe(1);
    expect(cancelled.body.flights[0]?.flight_id).toBe('SW9012');
    // Every sample flight but the cancelled one, three to a page.
    const scheduled = sample.flights.filter(
      (f) => f.status === 'SCHEDULED' && f.flight_id !== 'SW9012',
    ).length;
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { flights: unknown[]; next_cursor: string | null } } = await stack.get(
        `/flights?status=SCHEDULED&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.flights.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.flights);
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(scheduled);
  });

  it('answers what a booking is owed and what the flight may cost, their sum matching', async () => {
    const refs = sample.bookings.filter((b) => b.flight_id === 'SW9012');
    let refunds = 0;
    for (const b of refs) {
      const { status, body } = await stack.get<{
        entitlements: Array<{
          flight_id: string;
          regimes: Array<{ regime: string; refund: boolean; compensation: unknown }>;
        }>;
      }>(`/bookings/${b.booking_id}/entitlements`);
      expect(status).toBe(200);
      const dot = body.entitlements[0]?.regimes.find((r) => r.regime === 'DOT');
      // A US domestic cancellation: the DOT refund right, no compensation.
      expect(dot).toMatchObject({ refund: true, compensation: null });
      refunds += dot?.refund ? 1 : 0;
    }
    const liability = await stack.get<{
      exposure: unknown[];
      refunds: unknown[];
      bookings: number;
    }>('/flights/SW9012/liability');
    expect(liability.body).toMatchObject({
      bookings: refs.length,
      exposure: [],
      refunds: [{ regime: 'DOT', bookings: refunds }],
    });
    expect((await stack.get('/bookings/B999/entitlements')).status).toBe(404);
    expect((await stack.get('/bookings/nope/entitlements')).status).toBe(400);
    expect((await stack.get('/flights/SW0001/liability')).status).toBe(404);
  });

  it('pages every flight across statuses, each page read as a page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await stack.get<{
        flights: Array<{ flight_id: string }>;
        returned: number;
        next_cursor: string | null;
      }>(`/flights?limit=2${query}`);
      expect(page.body.returned).toBe(page.body.flights.length);
      expect(page.body.returned).toBeLessThanOrEqual(2);
      seen.push(...page.body.flights.map((f) => f.flight_id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen.sort()).toEqual(sample.flights.map((f) => f.flight_id).sort());
    expect((await stack.get('/flights?cursor=eyJHU0kxUEsiOiJOT1BFIn0')).status).toBe(400);
  });

  it('lists the bookings of a flight and of a passenger', async () => {
    expect((await stack.get('/flights/SW1234/bookings')).body).toEqual({
      bookings: [
        { booking_id: 'B001', passenger_id: 'P001' },
        { booking_id: 'B002', passenger_id: 'P003' },
        { booking_id: 'B003', passenger_id: 'P006' },
        { booking_id: 'B004', passenger_id: 'P008' },
      ],
      returned: 4,
      next_cursor: null,
    });
    const first = await stack.get<{ bookings: unknown[]; next_cursor: string }>(
      '/flights/SW1234/bookings?limit=3',
    );
    expect(first.body.bookings).toHaveLength(3);
    const rest = await stack.get<{ bookings: unknown[] }>(
      `/flights/SW1234/bookings?limit=3&cursor=${first.body.next_cursor}`,
    );
    expect(rest.body.bookings).toHaveLength(1);
    expect((await stack.get('/passengers/P003/bookings')).body).toEqual({
      bookings: [
        { booking_id: 'B002', flight_id: 'SW1234' },
        { booking_id: 'B013', flight_id: 'SW3456' },
      ],
      returned: 2,
      next_cursor: null,
    });
    expect((await stack.get('/flights/SW0000/bookings')).status).toBe(404);
    expect((await stack.get('/passengers/P999/bookings')).status).toBe(404);
  });

  it('returns a passenger without email or phone', async () => {
    const { body } = await stack.get('/passengers/P001');
    expect(body).toMatchObject({
      passenger_id: 'P001',
      first_name: 'Maria',
      tier: 'A-LIST_PREFERRED',
    });
    expect(body).not.toHaveProperty('email');
    expect(body).not.toHaveProperty('phone');
    expect((await stack.get('/passengers/P999')).status).toBe(404);
  });

  it('returns a booking and lists bookings by status', async () => {
    expect((await stack.get('/bookings/B009')).body).toMatchObject({
      booking_id: 'B009',
      flight_id: 'SW9012',
      booking_status: 'NEEDS_REBOOKING',
    });
    expect((await stack.get('/bookings/B999')).body).toEqual({
      error: 'Booking not found',
      booking_id: 'B999',
    });
    const { body } = await stack.get<{ returned: number }>('/bookings?status=NEEDS_REBOOKING');
    expect(body.returned).toBe(
      loadSampleData().bookings.filter((b) => b.flight_id === 'SW9012').length,
    );
  });

  it('shows events, notifications and workflow runs', async () => {
    const events = await stack.get<{ events: Array<{ outcome: string; detail_type: string }> }>(
      '/events?flight_id=SW9012',
    );
    expect(events.body.events[0]).toMatchObject({
      outcome: 'ACCEPTED',
      detail_type: 'flight.cancelled',
    });
    const byBooking = await stack.get<{
      notifications: Array<{ channel: string; body: string; subject?: string }>;
    }>('/notifications?booking_id=B009');
    expect(byBooking.body.notifications.map((n) => n.channel).sort()).toEqual(['EMAIL', 'SMS']);
    expect(byBooking.body.notifications.find((n) => n.channel === 'EMAIL')?.subject).toMatch(
      /cancelled/,
    );
    const runs = await stack.get<{ executions: Array<{ state_machine: string; status: string }> }>(
      '/executions?flight_id=SW9012',
    );
    expect(runs.body.executions).toEqual([
      expect.objectContaining({
        state_machine: 'FlightPulseCancellationWorkflow',
        status: 'SUCCEEDED',
      }),
    ]);
  });

  it.each([
    ['/flights/sw-1234', 'flightId'],
    ['/flights?status=LATE', 'status'],
    ['/flights?limit=0', 'limit'],
    ['/flights?status=SCHEDULED&cursor=%25%25', 'cursor'],
    ['/bookings?status=MAYBE', 'status'],
    ['/bookings', 'status'],
    ['/passengers/12', 'passengerId'],
    ['/notifications?flight_id=SW1234&booking_id=X1', 'booking_id'],
    ['/notifications', 'flight_id'],
    ['/executions', 'flight_id'],
  ])('answers 400 with a JSON error for %s', async (path, parameter) => {
    const { status, body } = await stack.get(path);
    expect(status).toBe(400);
    expect(body).toMatchObject({ parameter });
    expect(typeof body.error).toBe('string');
  });

  it('answers 400 for a well-formed cursor it did not issue', async () => {
    const { status, body } = await stack.get('/flights?status=SCHEDULED&cursor=bm90LWpzb24');
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'Invalid cursor', parameter: 'cursor' });
  });

  it('answers 404 in JSON for unknown routes', async () => {
    expect(await stack.get('/nowhere')).toEqual({
      status: 404,
      body: { error: 'Not found', path: '/nowhere' },
    });
  });

  it('accepts one event, an array or REST-proxy records on the feed, and refuses invalid JSON', async () => {
    const one = await stack.post<{ offsets: unknown[] }>(
      '/feed/flight-operations',
      inboundEvent(
        { eventType: 'GATE_CHANGE', flightId: 'SW7890', oldGate: 'B12', newGate: 'B3' },
        new Date().toISOString(),
      ),
    );
    expect(one.status).toBe(202);
    expect(one.body.offsets).toHaveLength(1);
    const bad = await stack.post('/feed/flight-operations', '{"event_type": ');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'Invalid JSON' });
    expect((await stack.post('/feed/flight-operations', [])).status).toBe(400);
    await stack.runtime.idle();
  });
});

describe('API description and console endpoints', () => {
  it('serves a valid OpenAPI 3 document with every route of the specification', async () => {
    const { status, body } = await stack.get<Record<string, unknown>>('/openapi.json');
    expect(status).toBe(200);
    await SwaggerParser.validate(structuredClone(body) as never);
    const paths = Object.keys(body.paths as object);
    for (const route of [
      '/health',
      '/flights/{flightId}',
      '/flights',
      '/flights/{flightId}/bookings',
      '/passengers/{passengerId}',
      '/passengers/{passengerId}/bookings',
      '/bookings/{bookingId}',
    ]) {
      expect(paths).toContain(route);
    }
  });

  it('serves interactive docs, the console, its metrics and its live stream', async () => {
    expect((await stack.runtime.app.request('/docs')).headers.get('content-type')).toContain(
      'text/html',
    );
    expect(await (await stack.runtime.app.request('/')).text()).toContain('FlightPulse');
    expect((await stack.runtime.app.request('/console.js')).status).toBe(200);
    const metrics = await stack.get<{
      totals: Record<string, number>;
      rates: Record<string, number>;
    }>('/metrics');
    expect(metrics.body.totals.CancellationEventsProcessed).toBe(1);
    expect(metrics.body.rates.notification_success).toBe(1);
    const controller = new AbortController();
    const stream = await stack.runtime.app.request('/stream', {
      signal: controller.signal,
      headers: { authorization: `Bearer ${await stack.runtime.identity.staffToken('ops-viewer')}` },
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toMatch(/^event: (workflow|event|notification|flight)/);
    controller.abort();
    await reader.cancel();
  });

  it('runs a scenario on request and refuses an unknown one', async () => {
    expect((await stack.post('/scenarios/99', '')).status).toBe(400);
    const { status, body } = await stack.post<{ title: string }>('/scenarios/4', '');
    expect(status).toBe(202);
    expect(body.title).toMatch(/Gate change/);
    await stack.runtime.idle();
    expect((await stack.get<{ gate: string }>('/flights/SW3456')).body.gate).toBe('D15');
  });
});
