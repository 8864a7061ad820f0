import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src/domain/identity/roles.ts';
import { loadConfig } from '../../src/runtime/config.ts';
import {
  type LocalRuntime,
  type RuntimeOptions,
  startLocalRuntime,
} from '../../src/runtime/local-runtime.ts';

type Answer<T> = Promise<{ status: number; body: T }>;

export interface Caller {
  get<T = Record<string, unknown>>(path: string): Answer<T>;
  post<T = Record<string, unknown>>(path: string, body: unknown): Answer<T>;
  put<T = Record<string, unknown>>(path: string, body: unknown): Answer<T>;
  delete<T = Record<string, unknown>>(path: string): Answer<T>;
}

export interface LocalStack extends Caller {
  runtime: LocalRuntime;
  dataDir: string;
  /** Calls as another principal: a staff role, a passenger of one booking, or no token at all. */
  as(who: Exclude<Role, 'passenger'> | { passengerOf: string } | 'anonymous'): Promise<Caller>;
  /** Calls with a given bearer token. */
  withToken(token: string | undefined): Caller;
  /** Puts records on the embedded feed and waits until everything they cause has settled. */
  produce(records: unknown): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A fresh, seeded FlightPulse on embedded dynalite in a temporary directory. Authentication is
 * on: callers carry tokens from the local issuer (admin unless `as()` says otherwise).
 */
export async function startLocalStack(
  env: Record<string, string> = {},
  options: RuntimeOptions = {},
): Promise<LocalStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-test-'));
  const runtime = await startLocalRuntime(
    loadConfig(
      {},
      {
        FLIGHTPULSE_DATA_DIR: dataDir,
        LOG_LEVEL: 'SILENT',
        // The fixtures are stamped in January 2025, as the sample data is.
        FLIGHTPULSE_MAX_EVENT_AGE_HOURS: '100000',
        ...env,
      },
    ),
    {},
    undefined,
    options,
  );
  await runtime.seed();
  const withToken = (token: string | undefined): Caller => {
    const call = async <T>(path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      const response = await runtime.app.request(path, { ...init, headers });
      return { status: response.status, body: (await response.json()) as T };
    };
    return {
      get: (path) => call(path),
      post: (path, body) =>
        call(path, {
          method: 'POST',
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      put: (path, body) => call(path, { method: 'PUT', body: JSON.stringify(body) }),
      delete: (path) => call(path, { method: 'DELETE' }),
    };
  };
  const admin = withToken(await runtime.identity.staffToken('admin'));
  return {
    ...admin,
    runtime,
    dataDir,
    withToken,
    async as(who) {
      if (who === 'anonymous') return withToken(undefined);
      if (typeof who === 'string') return withToken(await runtime.identity.staffToken(who));
      const booking = (await admin.get<{ passenger_id: string }>(`/bookings/${who.passengerOf}`))
        .body;
      const link = await runtime.identity.links.create({
        bookingId: who.passengerOf,
        passengerId: booking.passenger_id,
        path: '/passenger',
      });
      return withToken(link.token);
    },
    async produce(records) {
      const response = await admin.post('/feed/flight-operations', records);
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
