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

const cancellation = { kind: 'state-machine', stateMachine: 'cancellation' } as const;
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A delivery whose runs end when the test says, as the test says; `slots` runs at once. */
function delivery(slots: number) {
  const ends = new Map<string, (outcome: 'SUCCEEDED' | 'FAILED' | Error) => void>();
  const started: string[] = [];
  const executor = {
    run: (_machine: string, name: string) =>
      new Promise((resolve, reject) => {
        started.push(name);
        ends.set(name, (outcome) =>
          outcome instanceof Error ? reject(outcome) : resolve({ status: outcome }),
        );
      }),
  } as unknown as LocalExecutor;
  const { deliver, underWay } = busDelivery(() => executor, {
    metrics: { count: () => undefined } as never,
    recordNotification: async () => undefined,
    logSink: {} as never,
    admission: new FairScheduler(slots),
    lanes: new StoreLanes(1),
    turns: new RunTurns(),
  });
  return {
    deliver,
    underWay,
    started,
    end: (name: string, outcome: 'SUCCEEDED' | 'FAILED' | Error) => ends.get(name)?.(outcome),
  };
}

describe('the bus delivery to workflows', () => {
  it('knows which events have a run running or queued, until each run ends', async () => {
    const { deliver, underWay, end } = delivery(1);
    const first = deliver(cancellation, event('e1'));
    // e2 waits for the one admission slot: queued, so under way too.
    const second = deliver(cancellation, event('e2'));
    await turn();
    expect([underWay('e1'), underWay('e2'), underWay('e3')]).toEqual([true, true, false]);
    end('cancellation-e1', 'SUCCEEDED');
    await first;
    expect(underWay('e1')).toBe(false);
    await turn();
    end('cancellation-e2', 'SUCCEEDED');
    await second;
    expect(underWay('e2')).toBe(false);
  });

  it('forgets a run that failed or threw, so the re-drive starts it again', async () => {
    const { deliver, underWay, end } = delivery(2);
    const failed = deliver(cancellation, event('f1'));
    const threw = deliver(cancellation, event('f2')).catch(() => 'threw');
    await turn();
    expect([underWay('f1'), underWay('f2')]).toEqual([true, true]);
    end('cancellation-f1', 'FAILED');
    end('cancellation-f2', new Error('executor crashed'));
    await failed;
    expect(await threw).toBe('threw');
    expect([underWay('f1'), underWay('f2')]).toEqual([false, false]);
  });

  it('counts an event under way while any of its workflows runs', async () => {
    const { deliver, underWay, end } = delivery(2);
    const gateChange = { kind: 'state-machine', stateMachine: 'gate-change' } as const;
    const one = deliver(cancellation, event('t1'));
    const other = deliver(gateChange, event('t1'));
    // The same run delivered again (a re-drive) is the same run, not counted twice.
    const again = deliver(cancellation, event('t1'));
    await turn();
    end('cancellation-t1', 'SUCCEEDED');
    await Promise.all([one, again]);
    expect(underWay('t1')).toBe(true);
    end('gate-change-t1', 'SUCCEEDED');
    await other;
    expect(underWay('t1')).toBe(false);
  });

  it('does not start a run that succeeded again, remembering the last 100,000 names', async () => {
    const { deliver, end, started } = delivery(1);
    const succeed = async (eventId: string) => {
      const run = deliver(cancellation, event(eventId));
      await turn();
      end(`cancellation-${eventId}`, 'SUCCEEDED');
      await run;
    };
    await succeed('s0');
    await deliver(cancellation, event('s0'));
    expect(started).toEqual(['cancellation-s0']);
    // 100,000 more: s0's name is the oldest and is forgotten, s1's is still remembered.
    for (let i = 1; i <= 100_000; i++) await succeed(`s${i}`);
    started.length = 0;
    await deliver(cancellation, event('s1'));
    expect(started).toEqual([]);
    const again = deliver(cancellation, event('s0'));
    await turn();
    expect(started).toEqual(['cancellation-s0']);
    end('cancellation-s0', 'SUCCEEDED');
    await again;
  }, 120_000);
});
