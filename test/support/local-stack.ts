import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/runtime/config.ts';
import { type LocalRuntime, startLocalRuntime } from '../../src/runtime/local-runtime.ts';

export interface LocalStack {
  runtime: LocalRuntime;
  dataDir: string;
  get<T = Record<string, unknown>>(path: string): Promise<{ status: number; body: T }>;
  post<T = Record<string, unknown>>(
    path: string,
    body: unknown,
  ): Promise<{ status: number; body: T }>;
  /** Puts records on the embedded feed and waits until everything they cause has settled. */
  produce(records: unknown): Promise<void>;
  stop(): Promise<void>;
}

/** A fresh, seeded FlightPulse on embedded dynalite in a temporary directory. */
export async function startLocalStack(): Promise<LocalStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-test-'));
  const runtime = await startLocalRuntime(
    loadConfig(
      {},
      {
        FLIGHTPULSE_DATA_DIR: dataDir,
        LOG_LEVEL: 'SILENT',
        // The fixtures are stamped in January 2025, as the sample data is.
        FLIGHTPULSE_MAX_EVENT_AGE_HOURS: '100000',
      },
    ),
  );
  await runtime.seed();
  const call = async <T>(path: string, init?: RequestInit) => {
    const response = await runtime.app.request(path, init);
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    runtime,
    dataDir,
    get: (path) => call(path),
    post: (path, body) =>
      call(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) }),
    async produce(records) {
      const response = await call('/feed/flight-operations', {
        method: 'POST',
        body: JSON.stringify(records),
      });
      if (response.status !== 202) throw new Error(`feed answered ${response.status}`);
      const failures = await runtime.idle();
      if (failures.length > 0) throw new AggregateError(failures, 'background work failed');
    },
    async stop() {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
