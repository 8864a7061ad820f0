import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationDetail } from '../../src/domain/event-routing/bus-events.ts';
import type { EventLogEntry } from '../../src/ports.ts';
import { inboundEvent } from '../support/fixtures.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());

const events = async (query = '') =>
  (await stack.get<{ events: EventLogEntry[] }>(`/events?limit=200${query}`)).body.events;

describe('ingest through the embedded Kafka feed', () => {
  it('dead-letters each bad record with its reason and keeps processing the batch', async () => {
    const good = inboundEvent(
      { eventType: 'FLIGHT_DELAY', flightId: 'SW5678', delayMinutes: 45 },
      new Date().toISOString(),
    );
    await stack.produce({
      records: [
        { key: 'SW5678', value: '{"event_id": "x", "event_type": ' },
        {
          key: 'SW5678',
          value: {
            event_id: 'e-unknown-type',
            event_type: 'FLIGHT_DIVERTED',
            payload: { flight_id: 'SW5678' },
          },
        },
        { key: 'SW5678', value: { ...good, event_id: 'e-bad-schema', event_type: 'GATE_CHANGE' } },
        {
          key: 'SW0000',
          value: {
            ...good,
            event_id: crypto.randomUUID(),
            payload: { ...good.payload, flight_id: 'SW0000' },
          },
        },
        { key: 'SW5678', value: good },
      ],
    });
    const log = await events();
    const rejected = log.filter((e) => e.outcome === 'REJECTED').map((e) => e.reason ?? '');
    expect(rejected).toHaveLength(4);
    expect(rejected).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^invalid JSON/),
        expect.stringMatching(/^unknown event type "FLIGHT_DIVERTED"/),
        expect.stringMatching(/^schema violation: .*source/),
        'unknown flight SW0000',
      ]),
    );
    const accepted = log.find((e) => e.event_id === good.event_id);
    expect(accepted).toMatchObject({
      outcome: 'ACCEPTED',
      detail_type: 'flight.delay.major',
      flight_id: 'SW5678',
    });
    expect((await events('&flight_id=SW0000'))[0]?.reason).toBe('unknown flight SW0000');
  });

  it('sends no second notification when the same event arrives twice', async () => {
    const event = inboundEvent(
      { eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 25 },
      new Date().toISOString(),
    );
    await stack.produce([event]);
    const notifications = async () =>
      (
        await stack.get<{ notifications: NotificationDetail[] }>(
          '/notifications?flight_id=SW1234&limit=200',
        )
      ).body.notifications.filter((n) => n.event_id === event.event_id);
    const first = await notifications();
    expect(first).toHaveLength(6);
    await stack.produce([event]);
    expect(await notifications()).toEqual(first);
    const outcomes = (await events('&flight_id=SW1234'))
      .filter((e) => e.event_id === event.event_id)
      .map((e) => e.outcome);
    expect(outcomes.sort()).toEqual(['ACCEPTED', 'DUPLICATE']);
    expect(
      stack.runtime.executions.filter(
        (e) => (e.input as { detail: { event_id: string } }).detail.event_id === event.event_id,
      ),
    ).toHaveLength(1);
  });

  it('assigns offsets per partition, keyed by flight, growing across requests', async () => {
    const a = await stack.post<{ offsets: Array<{ partition: number; offset: string }> }>(
      '/feed/flight-operations',
      [
        inboundEvent(
          { eventType: 'GATE_CHANGE', flightId: 'SW7890', oldGate: 'B12', newGate: 'B14' },
          new Date().toISOString(),
        ),
      ],
    );
    const b = await stack.post<{ offsets: Array<{ partition: number; offset: string }> }>(
      '/feed/flight-operations',
      [
        inboundEvent(
          { eventType: 'GATE_CHANGE', flightId: 'SW7890', oldGate: 'B14', newGate: 'B15' },
          new Date(Date.now() + 1000).toISOString(),
        ),
      ],
    );
    await stack.runtime.idle();
    expect(a.status).toBe(202);
    expect(b.body.offsets[0]?.partition).toBe(a.body.offsets[0]?.partition);
    expect(Number(b.body.offsets[0]?.offset)).toBe(Number(a.body.offsets[0]?.offset) + 1);
    expect((await stack.get<{ gate: string }>('/flights/SW7890')).body.gate).toBe('B15');
  });
});
