import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readJournal } from '../../src/adapters/delivery/journal-sender.ts';
import { providerEnv, startFakeModelServer } from '../support/fake-model-server.ts';
import { all, call } from './fault-client.ts';
import type { Case } from './run-faults.ts';

type Event = { event_id: string; payload: { flight_id: string } };

export interface CaseTools {
  produce(records: unknown[]): Promise<void>;
  cancellation(flightId: string, at?: Date): Event;
  delay(flightId: string, at: Date, minutes: number): Event;
}

const record = (event: Event, key = event.payload.flight_id) => ({ key, value: event });
const journalLines = (dataDir: string) => {
  const file = join(dataDir, 'deliveries.jsonl');
  return existsSync(file) ? readJournal(file).length : 0;
};

/** Polls until `ready` holds (or a minute passed); returns whether it held. */
async function until(ready: () => Promise<boolean> | boolean): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await ready()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

/** The uninterrupted run every other case is compared with. */
export function baseline(tools: CaseTools): Case {
  return {
    name: 'uninterrupted wave',
    async run(_server, _dataDir, flights) {
      await tools.produce(flights.map((f) => record(tools.cancellation(f))));
      return [];
    },
  };
}

export function cases(
  tools: CaseTools & {
    hostileCorpus: () => Array<{
      key: string;
      value?: unknown;
      value_base64?: string;
      why: string;
    }>;
    base: string;
  },
): Case[] {
  const wave = (flights: string[]) => flights.map((f) => record(tools.cancellation(f)));
  return [
    {
      name: 'kill -9 during ingest',
      async run(server, _dataDir, flights) {
        await tools.produce(wave(flights));
        await server.kill();
        return ['killed right after the 202'];
      },
    },
    {
      name: 'kill -9 mid-workflow',
      async run(server, dataDir, flights) {
        await tools.produce(wave(flights));
        const reached = await until(async () => {
          const { body } = await call<{ bookings: unknown[] }>(
            tools.base,
            '/bookings?status=NEEDS_REBOOKING&limit=1',
          );
          return body.bookings.length > 0;
        });
        const lines = journalLines(dataDir);
        await server.kill();
        return [reached ? `killed with bookings marked, ${lines} sent` : 'FAIL: point not reached'];
      },
    },
    {
      name: 'kill -9 mid-send',
      async run(server, dataDir, flights) {
        await tools.produce(wave(flights));
        const reached = await until(() => journalLines(dataDir) >= 1500);
        const lines = journalLines(dataDir);
        await server.kill();
        return [reached ? `killed after ${lines} sends` : 'FAIL: point not reached'];
      },
    },
    {
      name: 'every event 3x across partitions',
      async run(_server, _dataDir, flights) {
        const events = flights.map((f) => tools.cancellation(f));
        const copies = events.flatMap((e) => [
          record(e),
          record(e, `${e.payload.flight_id}/copy-2`),
          record(e, `${e.payload.flight_id}/copy-3`),
        ]);
        await tools.produce(copies.slice(0, copies.length / 2));
        await tools.produce(copies.slice(copies.length / 2));
        return [];
      },
    },
    {
      name: 'shuffled order (newer first)',
      async run(_server, _dataDir, flights) {
        const now = Date.now();
        const records = flights.flatMap((f) => [
          record(tools.cancellation(f, new Date(now))),
          record(tools.delay(f, new Date(now - 600_000), 45)),
        ]);
        // A fixed permutation that keeps each flight's newer event first.
        records.sort((a, b) => (JSON.stringify(a).length % 7) - (JSON.stringify(b).length % 7));
        await tools.produce(records);
        return [];
      },
    },
    {
      name: 'hostile corpus in the wave',
      async run(server, _dataDir, flights) {
        const hostile = tools.hostileCorpus().map(({ why: _why, ...r }) => r);
        const valid = wave(flights);
        const mixed = hostile.flatMap((h, i) => (valid[i] ? [h, valid[i]] : [h]));
        mixed.push(...valid.slice(hostile.length));
        for (let i = 0; i < mixed.length; i += 20) {
          const batch = mixed.slice(i, i + 20);
          await tools.produce(batch);
        }
        await until(async () => {
          const events = await all<{ outcome: string }>(tools.base, '/events', 'events');
          return events.filter((e) => e.outcome === 'REJECTED').length >= hostile.length;
        });
        const events = await all<{ outcome: string; reason?: string }>(
          tools.base,
          '/events',
          'events',
        );
        const rejected = events.filter((e) => e.outcome === 'REJECTED');
        const withReason = rejected.filter((e) => (e.reason ?? '').length > 0);
        const notes = [
          `${hostile.length} hostile, ${withReason.length} dead-lettered with a reason`,
        ];
        if (withReason.length < hostile.length)
          notes.push('FAIL: a hostile record has no dead-letter entry');
        if (!server.alive()) notes.push('FAIL: the process died');
        return notes;
      },
    },
    {
      name: 'model timeouts (every call)',
      env: {},
      async run(server, dataDir, flights) {
        await server.stop();
        const model = await startFakeModelServer('openai', 'slow');
        const env = { ...providerEnv('openai', model.url), LLM_TIMEOUT_MS: '200' };
        const { startServer } = await import('./fault-processes.ts');
        const slow = await startServer(dataDir, Number(new URL(tools.base).port), env);
        await tools.produce(wave(flights));
        await until(() => journalLines(dataDir) >= 3000);
        await slow.stop();
        await model.close();
        return [`${model.requests.length} model calls, all timed out`];
      },
    },
  ];
}
