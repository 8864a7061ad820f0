import { providerEnv, startFakeModelServer } from '../support/fake-model-server.ts';
import { all, call } from './fault-client.ts';
import { caughtUp, countReceived } from './fault-count.ts';
import {
  cancellation,
  delay,
  type Event,
  type FeedRecord,
  gateChange,
  record,
  shuffled,
  withoutOffset,
} from './fault-events.ts';
import type { Server } from './fault-processes.ts';
import { type HostileRecord, hostileCorpus } from './hostile-corpus.ts';
import { startThrottlingProxy } from './throttling-proxy.ts';

/** What a case works with: its server (restarted after a kill), data directory and wave. */
export interface CaseContext {
  server: Server;
  dataDir: string;
  flights: string[];
  /** Notifications the uninterrupted run of this wave sent (the kill points are set by it). */
  expected: number;
  /** Puts records on the feed (embedded, or real Kafka); returns where each one landed. */
  produce(records: FeedRecord[]): Promise<Offset[]>;
  /** The consumer's committed offset (next to consume) per partition. */
  committed(): Promise<Map<number, bigint>>;
  /** Every valid event the case produced: the suite waits until each has an outcome. */
  produced: Set<string>;
}

export interface Offset {
  partition: number;
  offset: string;
}

export interface Case {
  name: string;
  /** Which wave: the 3,000-booking one (kill -9) or the smaller one (everything else). */
  wave: 'large' | 'small';
  /** Runs on DynamoDB Local, and on real Kafka with `kafka` (`npm run infra:up`). */
  infra?: { kafka: boolean };
  /** Also run on real Kafka + DynamoDB Local, as a case of its own (the suite names it so). */
  onKafkaToo?: boolean;
  /** In CI's share (`FAULTS_CI`): this case, and with `everywhere` its Kafka run too. */
  ci?: 'embedded' | 'everywhere' | undefined;
  /** Extra environment for the server, and what to undo after the case. */
  setUp?(): Promise<{ env: Record<string, string>; tearDown(): Promise<string[]> }>;
  /** Produces the wave (and whatever else) and may kill the server; returns notes. */
  run(context: CaseContext): Promise<string[]>;
}

/**
 * Polls until `ready` holds; returns whether it did. The 45 minutes (as for catching up) only
 * stop a hung server from hanging the suite: a loaded machine is slow, not wrong.
 */
async function until(ready: () => Promise<boolean> | boolean): Promise<boolean> {
  const deadline = Date.now() + 45 * 60_000;
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
  options: Pick<Case, 'infra' | 'ci'> = {},
): Case {
  return {
    name,
    wave: 'large',
    ...options,
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

/** Every event of the log, with its outcome (paged). */
const eventLog = (context: CaseContext) =>
  all<{
    event_id?: string;
    outcome: string;
    reason?: string;
    kafka?: { partition: number; offset: string };
  }>(context.server.base, '/events', 'events');

/** The wave, then the same flights again: a second cancellation, or a gate change after it. */
function afterTheWave(name: string, second: (flight: string, at: Date) => Event): Case {
  return {
    name,
    wave: 'small',
    onKafkaToo: true,
    ci: 'everywhere',
    async run(context) {
      const now = Date.now();
      await context.produce(
        waveOf(
          context,
          context.flights.map((f) => cancellation(f, new Date(now - 60_000))),
        ),
      );
      const again = context.flights.map((f) => second(f, new Date(now)));
      await context.produce(waveOf(context, again));
      await caughtUp(context.server.base, context.produced);
      const ids = new Set(again.map((e) => e.event_id));
      const outcomes = new Map<string, number>();
      for (const e of await eventLog(context))
        if (e.event_id && ids.has(e.event_id))
          outcomes.set(e.outcome, (outcomes.get(e.outcome) ?? 0) + 1);
      return [`the second events: ${[...outcomes].map(([o, n]) => `${n} ${o}`).join(', ')}`];
    },
  };
}

/** Each hostile record's dead-letter entry, found by where the feed put it, and its reason. */
async function judgeHostile(
  context: CaseContext,
  hostile: HostileRecord[],
  landed: Offset[],
): Promise<string[]> {
  const at = (o: { partition: number; offset: string } | undefined) =>
    `${o?.partition}:${o?.offset}`;
  await until(async () => {
    const entries = await eventLog(context);
    const rejected = new Set(
      entries.filter((e) => e.outcome === 'REJECTED').map((e) => at(e.kafka)),
    );
    return landed.every((o) => rejected.has(at(o)));
  });
  const byOffset = new Map((await eventLog(context)).map((e) => [at(e.kafka), e]));
  const notes: string[] = [];
  let named = 0;
  hostile.forEach((h, i) => {
    const entry = byOffset.get(at(landed[i]));
    if (entry?.outcome !== 'REJECTED')
      notes.push(`FAIL: ${h.why} was ${entry?.outcome ?? 'never judged'}`);
    else if (!h.reason.test(entry.reason ?? ''))
      notes.push(`FAIL: ${h.why} dead-lettered as "${entry.reason?.slice(0, 120)}"`);
    else named++;
  });
  notes.unshift(`${hostile.length} hostile, ${named} dead-lettered with a reason naming the fault`);
  return notes;
}

/** Every partition's committed offset is past the last record produced to it. */
async function offsetsAdvanced(context: CaseContext, landed: Offset[]): Promise<string[]> {
  const last = new Map<number, bigint>();
  for (const o of landed)
    last.set(
      o.partition,
      BigInt(o.offset) > (last.get(o.partition) ?? -1n)
        ? BigInt(o.offset)
        : (last.get(o.partition) as bigint),
    );
  const committed = await context.committed();
  const behind = [...last].filter(([p, offset]) => (committed.get(p) ?? 0n) <= offset);
  return behind.length === 0
    ? [`committed offsets past every record on ${last.size} partitions`]
    : behind.map(
        ([p, offset]) =>
          `FAIL: partition ${p} committed ${committed.get(p) ?? 'nothing'}, last record ${offset}`,
      );
}

/** The hostile corpus, each record beside a valid one of the wave, in batches of 20. */
const hostileCase: Case = {
  name: 'hostile corpus in the wave',
  wave: 'small',
  onKafkaToo: true,
  ci: 'everywhere',
  async run(context) {
    const hostile = hostileCorpus();
    const events = context.flights.map((f) => cancellation(f));
    // The reference producer's `datetime.utcnow().isoformat()`: read as UTC, accepted.
    const naive = events[0] as Event & { timestamp: string };
    naive.timestamp = withoutOffset(new Date());
    const valid = waveOf(context, events);
    const mixed: Array<{ record: FeedRecord; hostile?: number }> = hostile.flatMap(
      ({ why: _why, reason: _reason, ...h }, i) =>
        valid[i]
          ? [{ record: h, hostile: i }, { record: valid[i] as FeedRecord }]
          : [{ record: h, hostile: i }],
    );
    mixed.push(...valid.slice(hostile.length).map((record) => ({ record })));
    const landed: Offset[] = new Array(hostile.length);
    const all: Offset[] = [];
    for (let i = 0; i < mixed.length; i += 20) {
      const batch = mixed.slice(i, i + 20);
      const offsets = await context.produce(batch.map((m) => m.record));
      batch.forEach((m, j) => {
        if (m.hostile !== undefined) landed[m.hostile] = offsets[j] as Offset;
      });
      all.push(...offsets);
    }
    const notes = await judgeHostile(context, hostile, landed);
    await until(async () =>
      (await eventLog(context)).some(
        (e) => e.event_id === naive.event_id && e.outcome !== 'RECEIVED',
      ),
    );
    const outcome = (await eventLog(context)).find((e) => e.event_id === naive.event_id)?.outcome;
    notes.push(
      outcome === 'ACCEPTED'
        ? `a timestamp without offset (${naive.timestamp}) accepted as UTC`
        : `FAIL: a timestamp without offset was ${outcome}`,
    );
    await caughtUp(context.server.base, context.produced);
    notes.push(...(await offsetsAdvanced(context, all)));
    if (!context.server.alive()) notes.push('FAIL: the process died');
    return notes;
  },
};

export function cases(): Case[] {
  return [
    killAt('kill -9 during ingest', 'right after the 202', async () => true),
    killAt('kill -9 mid-workflow', 'with bookings marked', someBookingMarked),
    killAt('kill -9 mid-send', 'with half the wave sent', async (c) => halfReceived(c), {
      ci: 'embedded',
    }),
    killAt('Kafka+DDB Local: kill -9 during ingest', 'right after the 202', async () => true, {
      infra: { kafka: true },
    }),
    killAt('Kafka+DDB Local: kill -9 mid-workflow', 'with bookings marked', someBookingMarked, {
      infra: { kafka: true },
    }),
    killAt(
      'Kafka+DDB Local: kill -9 mid-send',
      'with half the wave sent',
      async (c) => halfReceived(c),
      { infra: { kafka: true }, ci: 'everywhere' },
    ),
    {
      name: 'every event 3x across partitions',
      wave: 'small',
      onKafkaToo: true,
      ci: 'everywhere',
      async run(context) {
        const events = context.flights.map((f) => cancellation(f));
        for (const e of events) context.produced.add(e.event_id);
        // The same event under three keys: the copies land on different partitions.
        const copies = events.flatMap((e) => [
          record(e),
          record(e, `${e.payload.flight_id}/copy-2`),
          record(e, `${e.payload.flight_id}/copy-3`),
        ]);
        const landed = [
          ...(await context.produce(copies.slice(0, copies.length / 2))),
          ...(await context.produce(copies.slice(copies.length / 2))),
        ];
        const partitions = new Set(landed.map((o) => o.partition)).size;
        return partitions > 1
          ? [`${copies.length} records on ${partitions} partitions`]
          : ['FAIL: the copies all landed on one partition'];
      },
    },
    {
      name: 'shuffled order (newer first)',
      wave: 'small',
      onKafkaToo: true,
      ci: 'everywhere',
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
    afterTheWave('repeated cancellation, new event_id', (f, at) => cancellation(f, at)),
    afterTheWave('gate change after cancellation', (f, at) => gateChange(f, at, 'B7')),
    hostileCase,
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
