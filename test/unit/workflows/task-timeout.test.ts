import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalExecutor } from '../../../src/adapters/local/step-functions/local-executor.ts';
import type { WorkflowDefinition } from '../../../src/adapters/local/step-functions/workflow-definitions.ts';
import { FixedClock } from '../../support/fakes.ts';
import { WORK_TASK } from '../../support/work-task.ts';

/** One Lambda task calling `work`, with `timeoutSeconds` if given. */
function oneTask(timeoutSeconds?: number): WorkflowDefinition {
  return {
    StartAt: 'Work',
    States: {
      Work: {
        ...WORK_TASK,
        ...(timeoutSeconds === undefined ? {} : { TimeoutSeconds: timeoutSeconds }),
        End: true,
      },
    },
  };
}

/**
 * An executor whose one Lambda slot is shared by every run; `work` sleeps `$.seconds`. Its
 * gate-change machine is `definition`, its cancellation machine one task without a timeout.
 */
function executor(definition: WorkflowDefinition) {
  const work = (payload: unknown) =>
    new Promise((resolve) =>
      setTimeout(() => resolve('done'), (payload as { seconds: number }).seconds * 1000),
    );
  const oneSlot = pLimit(1);
  return new LocalExecutor(
    [
      { id: 'gate-change', name: 'Test', definition },
      { id: 'cancellation', name: 'Untimed', definition: oneTask() },
    ],
    {
      functions: new Map([['work', work]]),
      dynamodb: {} as never,
      bus: { publish: async () => {} },
      sendMessage: async () => {},
      objects: { get: async () => '[]' },
      lambdaSlots: (task) => oneSlot(task),
    },
    new FixedClock(),
  );
}

describe('a Task state’s timeout, locally', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has none when the definition gives none, as in Step Functions (not a hidden 60 s)', async () => {
    const run = executor(oneTask()).run('cancellation', 'long', { seconds: 90 });
    await vi.advanceTimersByTimeAsync(91_000);
    const record = await run;
    expect(record.error).toBeUndefined();
    expect(record.status).toBe('SUCCEEDED');
  });

  it('starts once the invocation has a slot: waiting for one is not running', async () => {
    const local = executor(oneTask(30));
    // An untimed run holds the one slot for 65 s, the second then runs 10 s: 75 s after its entry.
    const first = local.run('cancellation', 'first', { seconds: 65 });
    const second = local.run('gate-change', 'second', { seconds: 10 });
    await vi.advanceTimersByTimeAsync(76_000);
    expect((await first).status).toBe('SUCCEEDED');
    expect((await second).status).toBe('SUCCEEDED');
  });

  it('fails the state with States.Timeout once the invocation outlives it', async () => {
    const run = executor(oneTask(30)).run('gate-change', 'slow', { seconds: 40 });
    await vi.advanceTimersByTimeAsync(41_000);
    const record = await run;
    expect(record.status).toBe('FAILED');
    expect(record.error).toBe('States.Timeout');
  });
});
