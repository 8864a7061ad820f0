import { providerEnv, startFakeModelServer } from '../support/fake-model-server.ts';
import { call } from './fault-client.ts';
import { countReceived } from './fault-count.ts';
import {
  cancellation,
  delay,
  type Event,
  type FeedRecord,
  record,
  shuffled,
} from './fault-events.ts';
import type { Server } from './fault-processes.ts';
import { hostileCorpus } from './hostile-corpus.ts';
import { startThrottlingProxy } from './throttling-proxy.ts';

/** What a case works with: its server (restarted after a kill), data directory and wave. */
export interface CaseContext {
  server: Server;
  dataDir: string;
  flights: string[];
  /** Notifications the uninterrupted run of this wave sent (the kill points are set by it). */
  expected: number;
  produce(records: FeedRecord[]): Promise<void>;
  /** Every valid event the case produced: the suite waits until each has an outcome. */
  produced: Set<string>;
}

export interface Case {
  name: string;
  /** Which wave: the 3,000-booking one (kill -9) or the smaller one (everything else). */
  wave: 'large' | 'small';
  /** Runs on DynamoDB Local, and on real Kafka with `kafka` (`npm run infra:up`). */
  infra?: { kafka: boolean };
  /** Extra environment for the server, and what to undo after the case. */
  setUp?(): Promise<{ env: Record<string, string>; tearDown(): Promise<string[]> }>;
  /** Produces the wave (and whatever else) and may kill the server; returns notes. */
  run(context: CaseContext): Promise<string[]>;
}

/** Polls until `ready` holds (or ten minutes passed); returns whether it held. */
async function until(ready: () => Promise<boolean> | boolean): Promise<boolean> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (await ready()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

const waveOf = (context: CaseContext, events = context.flights.map((f) => cancellation(f))) => {
  for (const e of events) context.produced.add(e.event_id);
  return events.map((e) => record(e));
};

/** The uninterrupted run each wave's other cases are compared with. */
export const baseline: Case = {
  name: 'uninterrupted wave',
  wave: 'large',
  async run(context) {
    await context.produce(waveOf(context));
    return [];
  },
};

/** kill -9 once the wave reached a point; the suite restarts the server on the same data. */
function killAt(
  name: string,
  point: string,
  reached: (context: CaseContext) => Promise<boolean>,
  infra?: Case['infra'],
): Case {
  return {
    name,
    wave: 'large',
    ...(infra ? { infra } : {}),
    async run(context) {
      await context.produce(waveOf(context));
      const ok = await until(() => reached(context));
      const received = countReceived(context.dataDir).received;
      await context.server.kill();
      return [ok ? `killed ${point}, ${received} received` : `FAIL: ${point} never reached`];
    },
  };
}

const someBookingMarked = async (context: CaseContext) => {
  const { body } = await call<{ bookings?: unknown[] }>(
    context.server.base,
    '/bookings?status=NEEDS_REBOOKING&limit=1',
  );
  return (body.bookings?.length ?? 0) > 0;
};
const halfReceived = (context: CaseContext) =>
  countReceived(context.dataDir).received >= context.expected / 2;

export function cases(): Case[] {
  return [
    killAt('kill -9 during ingest', 'right after the 202', async () => true),
    killAt('kill -9 mid-workflow', 'with bookings marked', someBookingMarked),
    killAt('kill -9 mid-send', 'with half the wave sent', async (c) => halfReceived(c)),
    killAt(
      'Kafka+DDB Local: kill -9 mid-send',
      'with half the wave sent',
      async (c) => halfReceived(c),
      { kafka: true },
    ),
    {
      name: 'every event 3x across partitions',
      wave: 'small',
      async run(context) {
        const events = context.flights.map((f) => cancellation(f));
        for (const e of events) context.produced.add(e.event_id);
        // The same event under three keys: the copies land on different partitions.
        const copies = events.flatMap((e) => [
          record(e),
          record(e, `${e.payload.flight_id}/copy-2`),
          record(e, `${e.payload.flight_id}/copy-3`),
        ]);
        await context.produce(copies.slice(0, copies.length / 2));
        await context.produce(copies.slice(copies.length / 2));
        return [];
      },
    },
    {
      name: 'shuffled order (newer first)',
      wave: 'small',
      async run(context) {
        const now = Date.now();
        // Each flight's cancellation arrives before its older delay; flights interleave.
        const pairs = context.flights.map((f) => [
          cancellation(f, new Date(now)),
          delay(f, new Date(now - 600_000), 45),
        ]);
        const order = shuffled(
          pairs.flatMap((pair, i) => pair.map((event, j) => ({ event, flight: i, j }))),
          7,
        );
        const seen = new Map<number, number>();
        const records: Event[] = [];
        for (const item of order) {
          // Keep newer-first within a flight: the j-th event of a flight takes the next slot.
          const k = seen.get(item.flight) ?? 0;
          seen.set(item.flight, k + 1);
          records.push(pairs[item.flight]?.[k] as Event);
        }
        await context.produce(waveOf(context, records));
        return [];
      },
    },
    {
      name: 'hostile corpus in the wave',
      wave: 'small',
      async run(context) {
        const hostile = hostileCorpus();
        const valid = waveOf(context);
        const mixed: FeedRecord[] = hostile.flatMap(({ why: _why, ...h }, i) =>
          valid[i] ? [h, valid[i] as FeedRecord] : [h],
        );
        mixed.push(...valid.slice(hostile.length));
        for (let i = 0; i < mixed.length; i += 20) await context.produce(mixed.slice(i, i + 20));
        await until(async () => {
          const { body } = await call<{ events: Array<{ outcome: string }> }>(
            context.server.base,
            '/events?limit=200',
          );
          return body.events.filter((e) => e.outcome === 'REJECTED').length >= hostile.length;
        });
        const { body } = await call<{ events: Array<{ outcome: string; reason?: string }> }>(
          context.server.base,
          '/events?limit=200',
        );
        const rejected = body.events.filter((e) => e.outcome === 'REJECTED');
        const reasons = new Set(rejected.map((e) => e.reason ?? ''));
        const notes = [
          `${hostile.length} hostile, ${rejected.length} dead-lettered, ${reasons.size} distinct reasons`,
        ];
        if (rejected.some((e) => !e.reason)) notes.push('FAIL: a dead-letter entry has no reason');
        if (rejected.length < hostile.length)
          notes.push('FAIL: a hostile record was not dead-lettered');
        if (!context.server.alive()) notes.push('FAIL: the process died');
        return notes;
      },
    },
    {
      name: 'store throttled on 10% of calls',
      wave: 'small',
      infra: { kafka: false },
      async setUp() {
        const target = process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000';
        const proxy = await startThrottlingProxy(target, { rate: 0.1 });
        return {
          env: { DYNAMODB_ENDPOINT: proxy.endpoint },
          async tearDown() {
            const { calls, throttled } = proxy.counts();
            await proxy.close();
            const share = calls ? ((100 * throttled) / calls).toFixed(1) : '0';
            const notes = [`${throttled} of ${calls} DynamoDB calls throttled (${share}%)`];
            if (throttled === 0) notes.push('FAIL: nothing was throttled');
            return notes;
          },
        };
      },
      async run(context) {
        await context.produce(waveOf(context));
        return [];
      },
    },
    {
      name: 'model timeouts (every call)',
      wave: 'small',
      async setUp() {
        const model = await startFakeModelServer('openai', 'slow');
        return {
          env: { ...providerEnv('openai', model.url), LLM_TIMEOUT_MS: '200' },
          async tearDown() {
            await model.close();
            const notes = [`${model.requests.length} model calls, every one timed out`];
            if (model.requests.length === 0) notes.push('FAIL: the model was never called');
            return notes;
          },
        };
      },
      async run(context) {
        await context.produce(waveOf(context));
        return [];
      },
    },
  ];
}
