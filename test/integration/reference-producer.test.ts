import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flight } from '../../src/domain/records/flight.ts';
import type { EventLogEntry } from '../../src/ports.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';
import { referenceProducerEvents, restamped } from '../support/reference-producer-events.ts';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());

describe('replaying the reference producer', () => {
  it('ingests all thirteen events, offset-less timestamps and all', async () => {
    const events = referenceProducerEvents();
    // The producer stamps each event when it sends it: move the recorded times to now.
    const first = String(events[0]?.timestamp);
    const shift = Date.now() - Date.parse(`${first}Z`);
    const sent = events.map((event) => restamped(event, shift));
    for (const event of sent) {
      // One record at a time, as the producer sends them, serialised as Python's json.dumps does.
      const payload = event.payload as { flight_id: string };
      await stack.produce({
        records: [{ key: payload.flight_id, value: JSON.stringify(event, null, 0) }],
      });
    }
    const log = (await stack.get<{ events: EventLogEntry[] }>('/events?limit=200')).body.events;
    const outcomes = sent.map(
      (event) => log.find((entry) => entry.event_id === event.event_id)?.outcome ?? 'MISSING',
    );
    expect(outcomes.filter((o) => o === 'REJECTED' || o === 'MISSING')).toEqual([]);
    expect(outcomes.every((o) => o === 'ACCEPTED' || o === 'IGNORED')).toBe(true);

    const flight = async (id: string) => (await stack.get<Flight>(`/flights/${id}`)).body;
    expect((await flight('SW9012')).status).toBe('CANCELLED');
    expect((await flight('SW3456')).gate).toBe('D15');
    expect((await flight('SW5678')).gate).toBe('B12');
    expect((await flight('SW7890')).delay_minutes).toBe(45);
  });
});
