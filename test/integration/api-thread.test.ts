/**
 * The API served from a thread of its own (as the benchmark runs it): it answers its routes while
 * the runtime's event loop is held, reads the store itself, writes through the runtime (its
 * change feed and counts see the writes), hands the feed and every other route (the document,
 * sign-in, the console's live stream) to the runtime, and stops with it.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/runtime/config.ts';
import { type LocalRuntime, startLocalRuntime } from '../../src/runtime/local-runtime.ts';
import { inboundEvent } from '../support/fixtures.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-api-thread-'));
let runtime: LocalRuntime;
let url: string;
let admin: string;

/** Calls the thread over HTTP as the admin. */
async function call(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${admin}`);
  return fetch(`${url}${path}`, { ...init, headers });
}

beforeAll(async () => {
  runtime = await startLocalRuntime(
    loadConfig(
      {},
      {
        FLIGHTPULSE_DATA_DIR: dataDir,
        LOG_LEVEL: 'SILENT',
        FLIGHTPULSE_MAX_EVENT_AGE_HOURS: '100000',
      },
    ),
    {},
    undefined,
    // The store in its own process: a read then waits for neither of the runtime's threads.
    { inMemoryStore: true, storeInOwnProcess: true, apiInOwnThread: true },
  );
  await runtime.seed();
  url = runtime.apiUrl as string;
  admin = await runtime.identity.staffToken('admin');
});

afterAll(async () => {
  await runtime?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Asks `paths` from another process, each timed there; resolves once that process is done. */
async function askFromAnotherProcess(paths: string[]) {
  const script = `
    const [base, token, ...paths] = process.argv.slice(1);
    const answers = [];
    for (const path of paths) {
      const asked = Date.now();
      const response = await fetch(base + path, { headers: { authorization: 'Bearer ' + token } });
      answers.push({ path, status: response.status, asked, answered: Date.now(), body: await response.json() });
    }
    console.log(JSON.stringify(answers));`;
  const run = promisify(execFile)(process.execPath, [
    '--input-type=module',
    '-e',
    script,
    url,
    admin,
    ...paths,
  ]);
  return run.then(
    ({ stdout }) =>
      JSON.parse(stdout) as Array<{
        path: string;
        status: number;
        asked: number;
        answered: number;
        body: Record<string, unknown>;
      }>,
  );
}

describe('the API in its own thread', () => {
  it('answers its routes, store reads included, while the runtime’s event loop is held', async () => {
    const flightId = 'SW7890';
    const answers = askFromAnotherProcess(['/health', `/flights/${flightId}`]);
    // Hold this thread (the runtime's) for 4 s: the other process starts and asks meanwhile.
    const held = Date.now();
    while (Date.now() - held < 4000) {
      // busy: no event-loop turn of the runtime runs
    }
    const released = Date.now();
    const [health, flight] = await answers;
    for (const answer of [health, flight]) {
      expect(answer?.status, answer?.path).toBe(200);
      expect(answer?.asked, `${answer?.path} asked while held`).toBeGreaterThanOrEqual(held);
      expect(answer?.answered, `${answer?.path} answered while held`).toBeLessThan(released);
    }
    expect(flight?.body.flight_id).toBe(flightId);
  });

  it('writes through the runtime: its store client makes them, conflicts come back as such', async () => {
    // Every write the runtime's document client makes for this passenger, by command.
    const written: string[] = [];
    const send = runtime.doc.send.bind(runtime.doc) as (command: unknown) => Promise<unknown>;
    (runtime.doc as { send: unknown }).send = (command: { constructor: { name: string } }) => {
      const name = command.constructor.name;
      if (
        !/^(Get|BatchGet|Query|Scan)Command$/.test(name) &&
        JSON.stringify(command).includes('P001')
      )
        written.push(name);
      return send(command);
    };
    const current = (await (await call('/passengers/P001/preferences')).json()) as {
      preferences: Record<string, boolean>;
    };
    const flipped = Object.fromEntries(
      Object.entries(current.preferences).map(([name, on]) => [name, !on]),
    );
    // Four changes at once to one passenger: each is a conditional write on the version it read,
    // so some fail their condition and read again (a 500 if the failure came back as another error).
    const changes = Object.entries(flipped).map(([name, on]) => ({ [name]: on }));
    expect(changes).toHaveLength(4);
    const answers = await Promise.all(
      changes.map((change) =>
        call('/passengers/P001/preferences', { method: 'PUT', body: JSON.stringify(change) }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    (runtime.doc as { send: unknown }).send = send;
    // At least one conditional write per change, each made by the runtime's client.
    expect(written.length).toBeGreaterThanOrEqual(4);
    const read = (await (await call('/passengers/P001/preferences')).json()) as {
      preferences: Record<string, boolean>;
      version: number;
      history: unknown[];
    };
    expect(read.preferences).toEqual(flipped);
    expect(read.version).toBe(4);
    expect(read.history).toHaveLength(4);
    // The same answer from the runtime's own app: one table.
    const inProcess = await runtime.app.request('/passengers/P001/preferences', {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(((await inProcess.json()) as typeof read).version).toBe(4);
  });

  it('hands the feed to the runtime: an event posted to the thread is ingested', async () => {
    const event = inboundEvent(
      { eventType: 'GATE_CHANGE', flightId: 'SW7890', oldGate: 'B12', newGate: 'B3' },
      new Date().toISOString(),
    );
    const posted = await call('/feed/flight-operations', {
      method: 'POST',
      body: JSON.stringify(event),
    });
    expect(posted.status).toBe(202);
    await runtime.idle();
    const listed = (await (await call('/events?flight_id=SW7890')).json()) as {
      events: Array<{ event_id: string }>;
    };
    expect(listed.events.map((e) => e.event_id)).toContain(event.event_id);
  });

  it('relays the routes it does not have: the document, sign-in and the live stream', async () => {
    const document = await fetch(`${url}/openapi.json`);
    const inProcess = await runtime.app.request('/openapi.json');
    expect(await document.json()).toEqual(await inProcess.json());

    const signIn = await fetch(`${url}/auth/local-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'ops-viewer' }),
    });
    expect(signIn.status).toBe(200);
    const { token } = (await signIn.json()) as { token: string };
    expect(
      (await fetch(`${url}/flights?limit=1`, { headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(200);

    const listening = (runtime.hub as unknown as { listeners: Set<unknown> }).listeners;
    const aborted = new AbortController();
    const stream = await call('/stream', { signal: aborted.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    runtime.hub.publish({ kind: 'flight', at: new Date().toISOString(), flight_id: 'THREAD1' });
    let text = '';
    while (!text.includes('THREAD1')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('THREAD1');
    expect(listening.size).toBe(1);
    aborted.abort();
    await expect.poll(() => listening.size, { timeout: 5000 }).toBe(0);
  });

  it('refuses a taken port with its code, and closes what it had started', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const otherDir = mkdtempSync(join(tmpdir(), 'flightpulse-api-thread-port-'));
    const config = loadConfig({}, { FLIGHTPULSE_DATA_DIR: otherDir, LOG_LEVEL: 'SILENT' });
    try {
      await expect(
        startLocalRuntime(config, {}, undefined, {
          apiInOwnThread: { port: (taken.address() as AddressInfo).port },
        }),
      ).rejects.toMatchObject({ code: 'EADDRINUSE', syscall: 'listen' });
      // The store on disk was closed: LevelDB would refuse a second open of a held directory.
      const again = await startLocalRuntime(config);
      await again.close();
    } finally {
      taken.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
