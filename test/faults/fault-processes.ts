import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Admin } from '@platformatic/kafka';
import { call } from './fault-client.ts';

/** The `flightpulse` command as a user runs it (bin/flightpulse.js: its version check and startup). */
const MAIN = fileURLToPath(new URL('../../bin/flightpulse.js', import.meta.url));

/** What every server of the suite runs with: quiet, no background jobs that would add sends. */
export const QUIET_ENV = {
  LOG_LEVEL: 'SILENT',
  WEATHER_WATCH_MINUTES: '0',
  REDRIVE_INTERVAL_SECONDS: '5',
};

export interface Server {
  port: number;
  base: string;
  process: ChildProcess;
  alive(): boolean;
  /** SIGKILL: no shutdown, no flush. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts the real `flightpulse start` on a data directory and waits until it answers. */
export async function startServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<Server> {
  const child = spawn(
    process.execPath,
    [MAIN, 'start', '--port', String(port), '--data-dir', dataDir],
    { env: { ...process.env, ...QUIET_ENV, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`flightpulse start exited: ${stderr}`);
    try {
      const { status } = await call(base, '/flights?limit=1');
      if (status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`flightpulse start did not answer: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    base,
    process: child,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/**
 * Generates the airline a wave hits (20 flights, `passengers` bookings, seed 7) into a data
 * directory, or into DYNAMODB_ENDPOINT's TABLE_NAME when `env` names them.
 */
export async function generateAirline(
  dataDir: string,
  passengers: number,
  env: Record<string, string> = {},
): Promise<void> {
  const args = ['generate', '--flights', '20', '--passengers', String(passengers), '--seed', '7'];
  const child = spawn(process.execPath, [MAIN, ...args, '--data-dir', dataDir, '--json'], {
    env: { ...process.env, ...QUIET_ENV, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await exited(child);
  if (child.exitCode !== 0) throw new Error('flightpulse generate failed');
}

/** The flight ids of a generated airline (the wave cancels each of them). */
export async function flightsOf(dataDir: string, port: number): Promise<string[]> {
  const server = await startServer(dataDir, port);
  try {
    const { body } = await call<{ flights: Array<{ flight_id: string }> }>(
      server.base,
      '/flights?limit=200',
    );
    return body.flights.map((f) => f.flight_id);
  } finally {
    await server.stop();
  }
}

/**
 * The consumer's committed offsets (the next record to consume) per partition: the consumer
 * group's on Kafka, the embedded feed's commit files otherwise.
 */
export async function committedOffsets(
  dataDir: string,
  env: Record<string, string>,
): Promise<Map<number, bigint>> {
  const committed = new Map<number, bigint>();
  if (env.KAFKA_BROKERS && env.KAFKA_GROUP_ID) {
    const admin = new Admin({ clientId: 'faults', bootstrapBrokers: env.KAFKA_BROKERS.split(',') });
    try {
      const [group] = await admin.listConsumerGroupOffsets({ groups: [env.KAFKA_GROUP_ID] });
      for (const p of group?.topics.find((t) => t.name === env.KAFKA_TOPIC)?.partitions ?? [])
        committed.set(p.partitionIndex, p.committedOffset);
    } finally {
      await admin.close();
    }
    return committed;
  }
  const feed = join(dataDir, 'feed');
  for (const file of existsSync(feed) ? readdirSync(feed) : []) {
    const partition = /-(\d+)\.committed$/.exec(file)?.[1];
    if (partition !== undefined)
      committed.set(
        Number(partition),
        BigInt(readFileSync(join(feed, file), 'utf8').trim() || '0'),
      );
  }
  return committed;
}
