/**
 * The local stand-ins for scheduled jobs (EventBridge Scheduler, DynamoDB TTL, scheduled
 * Lambdas) share these two pieces: a run never overlaps the previous one, and the timer never
 * holds the process open.
 */

/**
 * `run`, but a call while one is in flight joins it instead of starting a second; `settled()`
 * waits for the one in flight, if any, without starting one.
 */
export function oneAtATime<T>(
  run: () => Promise<T>,
): (() => Promise<T>) & { settled(): Promise<void> } {
  let running: Promise<T> | undefined;
  const call = () => {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };
  return Object.assign(call, {
    settled: async () => {
      await running?.catch(() => undefined);
    },
  });
}

/**
 * Calls `task` every `intervalMs` (0 or less: never); a failure goes to `onError` and the next
 * tick tries again. Returns what stops it.
 */
export function repeatEvery(
  intervalMs: number,
  task: () => Promise<unknown>,
  onError: (error: unknown) => void,
): () => void {
  if (intervalMs <= 0) return () => undefined;
  const timer = setInterval(() => {
    task().catch(onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
