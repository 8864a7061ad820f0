/**
 * Waiting for the machine to go quiet after the wave. For a while after tens of thousands of
 * writes the store's process keeps compacting its LevelDB files and the runtime collects what
 * the wave left; an event produced then shares the two cores with that work. "One event alone"
 * is measured once the processes are quiet, or after `limitMs` if they never are.
 */
import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;
/** A process counts as quiet below this share of one core over a window. */
const QUIET_SHARE = 0.1;
const WINDOW_MS = 500;

/** CPU milliseconds a process has used (user + system), from /proc; undefined once it is gone. */
function cpuMs(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces: the fields after it start past its ") ".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

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
  let before = watched.map(cpuMs);
  while (performance.now() - start < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const now = watched.map(cpuMs);
    const busy = now.some((ms, i) => {
      const was = before[i];
      return ms !== undefined && was !== undefined && ms - was > WINDOW_MS * QUIET_SHARE;
    });
    before = now;
    if (!busy) return { waited_ms: Math.round(performance.now() - start), quiet: true };
  }
  return { waited_ms: Math.round(performance.now() - start), quiet: false };
}
