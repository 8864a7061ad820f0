import { describe, expect, it } from 'vitest';
import type { BusEvent } from '../../../src/adapters/local/eventbridge/local-bus.ts';
import type { LocalExecutor } from '../../../src/adapters/local/step-functions/local-executor.ts';
import { FairScheduler } from '../../../src/runtime/fair-scheduler.ts';
import { RunTurns } from '../../../src/runtime/run-turns.ts';
import { busDelivery } from '../../../src/runtime/runtime-events.ts';
import { StoreLanes } from '../../../src/runtime/store-lanes.ts';

const event = (eventId: string): BusEvent =>
  ({
    id: `bus-${eventId}`,
    'detail-type': 'flight.cancelled',
    source: 'flightpulse.ingest',
    detail: { event_id: eventId, flight_id: `F-${eventId}` },
  }) as unknown as BusEvent;

describe('the bus delivery to workflows', () => {
  it('knows which events have a run running or queued, until each run ends', async () => {
    const ends = new Map<string, () => void>();
    const executor = {
      run: (_machine: string, name: string) =>
        new Promise((resolve) => ends.set(name, () => resolve({ status: 'SUCCEEDED' }))),
    } as unknown as LocalExecutor;
    const { deliver, underWay } = busDelivery(() => executor, {
      metrics: { count: () => undefined } as never,
      recordNotification: async () => undefined,
      logSink: {} as never,
      admission: new FairScheduler(1),
      lanes: new StoreLanes(1),
      turns: new RunTurns(),
    });
    const target = { kind: 'state-machine', stateMachine: 'cancellation' } as const;
    const first = deliver(target, event('e1'));
    // e2 waits for the one admission slot: queued, so under way too.
    const second = deliver(target, event('e2'));
    await new Promise((resolve) => setImmediate(resolve));
    expect([underWay('e1'), underWay('e2'), underWay('e3')]).toEqual([true, true, false]);
    ends.get('cancellation-e1')?.();
    await first;
    expect(underWay('e1')).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    ends.get('cancellation-e2')?.();
    await second;
    expect(underWay('e2')).toBe(false);
  });
});
