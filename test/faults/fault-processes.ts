import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { call } from './fault-client.ts';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export interface Server {
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
    {
      env: { ...process.env, LOG_LEVEL: 'SILENT', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`flightpulse start exited: ${stderr}`);
    try {
      const { status } = await call(`http://127.0.0.1:${port}`, '/flights?limit=1');
      if (status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`flightpulse start did not answer: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
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

/** Generates the 3,000-booking airline the wave hits and returns its flight ids. */
export async function generateWave(dataDir: string): Promise<string[]> {
  const child = spawn(
    process.execPath,
    [
      MAIN,
      'generate',
      '--flights',
      '20',
      '--passengers',
      '3000',
      '--seed',
      '7',
      '--data-dir',
      dataDir,
      '--json',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  await exited(child);
  if (child.exitCode !== 0) throw new Error('flightpulse generate failed');
  const port = 3918;
  const server = await startServer(dataDir, port);
  const { body } = await call<{ flights: Array<{ flight_id: string }> }>(
    `http://127.0.0.1:${port}`,
    '/flights?limit=200',
  );
  await server.stop();
  console.log(`generated: ${out.trim()}`);
  // Sample flights come with the seed; the wave is the generated day (flight ids with bookings).
  return body.flights.map((f) => f.flight_id);
}
