import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleData } from '../../src/runtime/sample-data.ts';
import { providerEnv, startFakeModelServer } from '../support/fake-model-server.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/flightpulse.js');

function flightpulse(args: string[]) {
  return run(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'SILENT' } });
}

/** Starts `flightpulse start` on a free port and resolves with its base URL. */
function startServer(dataDir: string): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [BIN, 'start', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, LOG_LEVEL: 'SILENT' },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[\d.:]+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], server });
    });
    server.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.once('exit', (code) =>
      reject(new Error(`flightpulse start exited with ${code}:\n${output}`)),
    );
  });
}

function stopServer(server: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    server.once('exit', (code) => resolve(code));
    server.kill('SIGTERM');
  });
}

describe('flightpulse demo', () => {
  it('runs the five scenarios and reports every check as JSON', async () => {
    const { stdout } = await flightpulse(['demo', '--json']);
    const result = JSON.parse(stdout);
    const failed = result.scenarios.flatMap(
      (s: { checks: Array<{ name: string; passed: boolean }> }) =>
        s.checks.filter((c) => !c.passed),
    );
    expect(failed).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.scenarios.map((s: { id: number }) => s.id)).toEqual(
      expect.arrayContaining([1, 2, 3, 4, 5, 9]),
    );
    expect(result.scenarios[2].workflows).toEqual([
      expect.objectContaining({ name: 'FlightPulseCancellationWorkflow', status: 'SUCCEEDED' }),
    ]);
  }, 60_000);
});

describe('flightpulse start, scenario and produce', () => {
  let dataDir: string;
  let url: string;
  let server: ChildProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-cli-'));
    ({ url, server } = await startServer(dataDir));
  });
  afterAll(async () => {
    if (server.exitCode === null) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** GET with a token printed by `flightpulse token` for the server's data directory. */
  const tokens = new Map<string, string>();
  async function get<T>(path: string, role = 'agent'): Promise<T> {
    if (!tokens.has(role)) {
      const { stdout } = await flightpulse(['token', '--role', role, '--data-dir', dataDir]);
      tokens.set(role, stdout.trim());
    }
    const response = await fetch(`${url}${path}`, {
      headers: { authorization: `Bearer ${tokens.get(role)}` },
    });
    return (await response.json()) as T;
  }

  it('seeds an empty store and serves the API to token holders only', async () => {
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect((await fetch(`${url}/flights`)).status).toBe(401);
    const flights = await get<{ returned: number }>('/flights', 'ops-viewer');
    expect(flights.returned).toBe(Math.min(50, loadSampleData().flights.length));
  });

  it('prints tokens for a role and for one passenger booking, with a lifetime', async () => {
    const { stdout } = await flightpulse([
      'token',
      '--role',
      'passenger',
      '--booking',
      'B001',
      '--ttl',
      '15m',
      '--data-dir',
      dataDir,
      '--url',
      url,
    ]);
    const claims = JSON.parse(
      Buffer.from(stdout.trim().split('.')[1] as string, 'base64url').toString(),
    );
    expect(claims).toMatchObject({
      'cognito:groups': ['passenger'],
      booking_id: 'B001',
      passenger_id: 'P001',
    });
    expect(claims.exp - claims.iat).toBe(900);
    const own = await fetch(`${url}/bookings/B001`, {
      headers: { authorization: `Bearer ${stdout.trim()}` },
    });
    expect(own.status).toBe(200);
    const other = await fetch(`${url}/bookings/B002`, {
      headers: { authorization: `Bearer ${stdout.trim()}` },
    });
    expect(other.status).toBe(403);
    await expect(
      flightpulse(['token', '--role', 'pilot', '--data-dir', dataDir]),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('--role must be one of'),
    });
  });

  it('runs scenario 4 against the running server', async () => {
    const { stdout } = await flightpulse(['scenario', '4', '--url', url, '--data-dir', dataDir]);
    expect(stdout).toMatch(/ACCEPTED as flight\.gate_change/);
    await waitFor(async () => (await get<{ gate: string }>('/flights/SW3456')).gate === 'D15');
  });

  it('produces an event with the producer flags, and the same event twice notifies once', async () => {
    const args = [
      'produce',
      '--event-type',
      'FLIGHT_DELAY',
      '--flight-id',
      'SW7890',
      '--delay-minutes',
      '45',
      '--reason',
      'MECHANICAL',
      '--data-dir',
      dataDir,
    ];
    const eventId = crypto.randomUUID();
    const first = await flightpulse([...args, '--event-id', eventId, '--url', url]);
    expect(first.stdout).toMatch(/ACCEPTED as flight\.delay\.major/);
    const count = async () => {
      const body = await get<{ notifications: Array<{ event_id: string }> }>(
        '/notifications?flight_id=SW7890&limit=200',
      );
      return body.notifications.filter((n) => n.event_id === eventId).length;
    };
    // SW7890: P004 SMS only, P008 SMS only, P009 email and SMS.
    await waitFor(async () => (await count()) === 4);
    const second = await flightpulse([...args, '--event-id', eventId, '--url', url]);
    expect(second.stdout).toMatch(/DUPLICATE/);
    expect(await count()).toBe(4);
  });

  it('counts the workflow runs on the dashboard', async () => {
    type Metrics = {
      finished_workflows: number;
      failed_workflows: number;
      average_workflow_duration_ms: number | null;
      workflow_durations: Array<{ name: string; duration_ms: number }>;
    };
    // Scenario 4's gate change and the delay above ran to the end.
    await waitFor(
      async () => (await get<Metrics>('/metrics', 'ops-viewer')).finished_workflows >= 2,
    );
    const metrics = await get<Metrics>('/metrics', 'ops-viewer');
    expect(metrics.failed_workflows).toBe(0);
    expect(metrics.average_workflow_duration_ms).toBeGreaterThan(0);
    expect(metrics.workflow_durations.map((r) => r.name)).toEqual(
      expect.arrayContaining(['FlightPulseGateChangeWorkflow', 'FlightPulseDelayNotification']),
    );
  });

  it('keeps its data across a restart on the same data directory', async () => {
    expect(await stopServer(server)).toBe(0);
    ({ url, server } = await startServer(dataDir));
    const flight = await get<{ gate: string }>('/flights/SW3456');
    expect(flight.gate).toBe('D15');
  });

  it('explains a bad command line', async () => {
    await expect(
      flightpulse([
        'produce',
        '--event-type',
        'FLIGHT_DIVERTED',
        '--flight-id',
        'SW1234',
        '--url',
        url,
      ]),
    ).rejects.toMatchObject({
      code: 2,
      stderr:
        'flightpulse produce: --event-type takes one of FLIGHT_DELAY, FLIGHT_CANCELLED, GATE_CHANGE (got "FLIGHT_DIVERTED")\n',
    });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('flightpulse messages', () => {
  it("previews each passenger's messages with one model call per segment", async () => {
    const fake = await startFakeModelServer('openai', 'good');
    const dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-preview-'));
    try {
      const { stdout } = await run(
        process.execPath,
        [BIN, 'messages', '--flight', 'SW5678', '--type', 'CANCELLATION', '--data-dir', dataDir],
        {
          env: { ...process.env, ...providerEnv('openai', fake.url) },
        },
      );
      expect(stdout).toContain('flight.cancelled for SW5678');
      expect(stdout).toMatch(/by LLM/);
      expect(stdout).toMatch(/4 passengers, (\d+) segments, \1 model calls/);
      expect(fake.requests.length).toBeGreaterThan(0);
    } finally {
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
