/** Where an invocation waits for a free slot: `work` runs once it has one. */
export type TaskSlots = (work: () => Promise<unknown>) => Promise<unknown>;

/** The longest a Node.js timer waits (2^31 - 1 ms), in whole seconds: about 24.8 days. */
const LONGEST_TIMER_SECONDS = Math.floor(0x7fffffff / 1000);

/**
 * Takes a Task state's timeout away from aws-local-stepfunctions and returns the declared one,
 * for boundedTask. The library times a Task from the state's entry (slot wait included) and gives
 * one without TimeoutSeconds 60 s; Step Functions' default is none (99999999 s, past what a timer
 * holds), and a Map state has none at all.
 */
export function takeTimeout(state: Record<string, unknown>): number | undefined {
  const declared = state.TimeoutSeconds as number | undefined;
  state.TimeoutSeconds = LONGEST_TIMER_SECONDS;
  return declared;
}

/** The error Step Functions raises when a Task outlives its TimeoutSeconds (Catch matches it). */
export class TaskTimeoutError extends Error {
  override name = 'States.Timeout';
}

/**
 * A Task's local handler as Lambda runs it: it waits for a free slot of the process's Lambda
 * concurrency first (as an invocation waits for capacity, not on the clock), and only then does
 * its TimeoutSeconds start. One process plays every Lambda here; without the slots a large wave
 * has hundreds of batches share one CPU and time out while merely waiting for each other.
 */
export function boundedTask<T>(
  handler: (input: T) => Promise<unknown>,
  options: { timeoutSeconds: number | undefined; slots: TaskSlots | undefined },
): (input: T) => Promise<unknown> {
  const timed = (input: T) => {
    const { timeoutSeconds } = options;
    if (!timeoutSeconds) return handler(input);
    let timer: NodeJS.Timeout | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TaskTimeoutError(`Task timed out after ${timeoutSeconds} seconds`)),
        timeoutSeconds * 1000,
      );
    });
    return Promise.race([handler(input), expiry]).finally(() => clearTimeout(timer));
  };
  const { slots } = options;
  return slots ? (input) => slots(() => timed(input)) : timed;
}
