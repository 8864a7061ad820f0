/**
 * Waiting for the machine to go quiet after the wave. Right after tens of thousands of writes
 * the store's process and the runtime still use CPU (the first events after a full wave measured
 * up to twice the CPU per event of later ones); an event produced then shares the two cores with
 * that work. "One event alone" is measured once the processes are quiet, or after `limitMs`.
 */
import { cpuMs } from './process-usage.ts';

/** A process counts as quiet below this share of one core over a window. */
const QUIET_SHARE = 0.1;
const WINDOW_MS = 500;

/**
 * Waits until every process in `pids` used under a tenth of a core over half a second, checking
 * window by window, for at most `limitMs`. Returns how long it waited and whether they went quiet.
 */
export async function settle(
  pids: Array<number | undefined>,
  limitMs = 60_000,
): Promise<{ waited_ms: number; quiet: boolean }> {
  const watched = pids.filter((pid): pid is number => pid !== undefined);
  const start = performance.now();
  const waited = () => Math.round(performance.now() - start);
  let before = watched.map(cpuMs);
  while (waited() < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const now = watched.map(cpuMs);
    const busy = now.some((ms, i) => {
      const was = before[i];
      return ms !== undefined && was !== undefined && ms - was > WINDOW_MS * QUIET_SHARE;
    });
    before = now;
    if (!busy) return { waited_ms: waited(), quiet: true };
  }
  return { waited_ms: waited(), quiet: false };
}
