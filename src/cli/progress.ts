/** Progress of long work on stderr: a redrawn bar on a terminal, a line every few seconds otherwise. */
export interface Progress {
  /** Sets how much of `total` is done. */
  update(done: number): void;
  /** Ends the bar (or the lines) with a last state. */
  finish(): void;
}

const quiet: Progress = { update: () => {}, finish: () => {} };

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/**
 * A progress reporter for `total` units of `unit` (items, notifications, …) with rate and ETA.
 * Quiet when `silent` (for `--json`, whose stdout must stay one JSON value).
 */
export function progress(
  label: string,
  total: number,
  unit: string,
  options: { silent?: boolean; stream?: NodeJS.WriteStream; intervalMs?: number } = {},
): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.silent || total <= 0) return quiet;
  const terminal = stream.isTTY === true;
  const interval = options.intervalMs ?? (terminal ? 200 : 5000);
  const started = performance.now();
  let done = 0;
  let last = 0;
  let rendered = -1;
  const render = () => {
    rendered = done;
    const seconds = (performance.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    // No rate yet, no estimate.
    const eta = done > 0 ? (total - done) / rate : Number.NaN;
    const shownRate = rate >= 10 ? Math.round(rate).toLocaleString('en') : rate.toFixed(1);
    const pct = Math.min(100, (100 * done) / total);
    const figures = `${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit} ${pct.toFixed(0)}% · ${shownRate} ${unit}/s · ETA ${duration(eta)}`;
    if (!terminal) return stream.write(`${label}: ${figures}\n`);
    const width = 24;
    const filled = Math.round((width * pct) / 100);
    return stream.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${figures}\x1b[K`,
    );
  };
  return {
    update(n) {
      done = n;
      const now = performance.now();
      if (now - last >= interval) {
        last = now;
        render();
      }
    },
    finish() {
      if (last === 0 && !terminal) return;
      if (rendered !== done) render();
      if (terminal) stream.write('\n');
    },
  };
}
