/**
 * Asks GET <url> every <everyMs> until the parent sends 'stop', then reports the answers'
 * latencies over IPC and exits (forked by health-probe.ts).
 */
import type { ProbeReport } from './health-probe.ts';

const [url = '', every = '20'] = process.argv.slice(2);
const latencies: number[] = [];
let failures = 0;
let running = true;
process.once('message', () => {
  running = false;
});
// A bench that died leaves no probe behind.
process.once('disconnect', () => process.exit(0));
// Begins at once: the wave starts right after the probe is forked.
while (running) {
  const start = performance.now();
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.ok) {
      if (latencies.length === 0) process.send?.('probing');
      latencies.push(performance.now() - start);
    } else failures++;
  } catch {
    failures++;
  }
  await new Promise((resolve) => setTimeout(resolve, Number(every)));
}
process.send?.({ latencies, failures } satisfies ProbeReport, () => process.exit(0));
