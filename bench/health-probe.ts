/**
 * The benchmark's /health probe: the runtime's API (its own thread's, `apiInOwnThread`, else the
 * runtime's app served on a loopback port) asked GET /health from a process of its own
 * (health-probe-process.ts), as a load balancer asks it from outside. Asked from the runtime's
 * own process, each answer would also wait for that busy event loop to send the request and to
 * read the response: two waits for the loop where a caller sees one.
 */
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { LocalRuntime } from '../src/runtime/local-runtime.ts';
import { percentile } from './wave-probes.ts';

/** What the probe process reports when stopped. */
export interface ProbeReport {
  latencies: number[];
  failures: number;
}

/** The API's address: its own thread's, or the runtime's app served here until closed. */
async function servedApi(runtime: LocalRuntime) {
  if (runtime.apiUrl) return { url: runtime.apiUrl, close: async () => undefined };
  const server = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Asks GET /health every `everyMs` until stopped; the answers' latencies in milliseconds. */
export async function healthProbe(runtime: LocalRuntime, everyMs = 20) {
  const api = await servedApi(runtime);
  const url = `${api.url}/health`;
  const script = fileURLToPath(new URL('./health-probe-process.ts', import.meta.url));
  const probe = fork(script, [url, String(everyMs)], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  // Its first message says it is probing (so the wave starts under watch), its second reports.
  const exited = new Promise<never>((_, reject) =>
    probe.once('exit', () => reject(new Error('the health probe exited without its report'))),
  );
  exited.catch(() => undefined);
  const probing = new Promise<void>((resolve) => probe.once('message', () => resolve()));
  await Promise.race([probing, exited]);
  const report = new Promise<ProbeReport>((resolve) =>
    probe.once('message', (message) => resolve(message as ProbeReport)),
  );
  return {
    async stop() {
      probe.send('stop');
      const { latencies, failures } = await Promise.race([report, exited]);
      await api.close();
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        requests: sorted.length,
        failures,
        p50_ms: percentile(sorted, 50),
        p99_ms: percentile(sorted, 99),
        max_ms: sorted.at(-1) ?? 0,
      };
    },
  };
}
