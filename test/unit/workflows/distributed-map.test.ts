import { describe, expect, it, vi } from 'vitest';
import { LocalExecutor } from '../../../src/adapters/local/step-functions/local-executor.ts';
import type { WorkflowDefinition } from '../../../src/adapters/local/step-functions/workflow-definitions.ts';
import { FixedClock } from '../../support/fakes.ts';
import { WORK_TASK } from '../../support/work-task.ts';

/** A workflow whose one Distributed Map fans `$.key`'s items out to the `work` function. */
function fanOut(map: Record<string, unknown> = {}): WorkflowDefinition {
  return {
    StartAt: 'Fan',
    States: {
      Fan: {
        Type: 'Map',
        Label: 'Fan',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'JSON' },
          Parameters: { Bucket: 'manifests', 'Key.$': '$.key' },
        },
        MaxConcurrency: 2,
        ItemSelector: {
          'value.$': '$$.Map.Item.Value',
          'index.$': '$$.Map.Item.Index',
          'tag.$': '$.tag',
        },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Work',
          States: {
            Work: { ...WORK_TASK, ResultSelector: { 'out.$': '$.Payload' }, End: true },
          },
        },
        ResultPath: '$.results',
        Catch: [
          {
            ErrorEquals: ['States.ExceedToleratedFailureThreshold'],
            ResultPath: '$.failure',
            Next: 'MapFailed',
          },
        ],
        End: true,
        ...map,
      },
      MapFailed: { Type: 'Pass', End: true },
    },
  };
}

/** Runs `definition` over the manifest [0..items) with `work` as the child's function. */
async function run(
  definition: WorkflowDefinition,
  items: number,
  work: (payload: { value: number; index: number }) => Promise<unknown>,
  firstItemAlone: string[] = [],
) {
  const objects = new Map([['manifests/run.json', JSON.stringify([...Array(items).keys()])]]);
  const executor = new LocalExecutor(
    [{ id: 'gate-change', name: 'Test', definition }],
    {
      functions: new Map([
        ['work', (payload: unknown) => work(payload as { value: number; index: number })],
      ]),
      dynamodb: {} as never,
      bus: { publish: async () => {} },
      sendMessage: async () => {},
      firstItemAlone,
      objects: {
        get: async (bucket, key) => {
          const body = objects.get(`${bucket}/${key}`);
          if (body === undefined) throw new Error('NoSuchKey');
          return body;
        },
      },
    },
    new FixedClock(),
  );
  return executor.run('gate-change', 'run-1', { key: 'run.json', tag: 'T' });
}

describe('a Distributed Map, locally', () => {
  it('reads its items from the object store and runs a child execution per item, MaxConcurrency at once', async () => {
    let running = 0;
    let most = 0;
    const record = await run(fanOut(), 5, async (payload) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return payload;
    });
    expect(record.status).toBe('SUCCEEDED');
    expect(most).toBe(2);
    expect((record.output as { results: unknown[] }).results).toEqual(
      [0, 1, 2, 3, 4].map((i) => ({ out: { value: i, index: i, tag: 'T' } })),
    );
    expect(record.map_runs).toEqual([
      {
        ...{ state: 'Fan', label: 'Fan', items: 5, succeeded: 5, failed: 0, aborted: 0 },
        ...{ state_transitions: 5, largest_payload_bytes: expect.any(Number), failures: [] },
      },
    ]);
    // The parent's own transitions; the children's are the Map Run's.
    expect(record.state_transitions).toBe(1);
    expect(record.steps.map((s) => [s.name, s.type, s.entered])).toEqual([
      ['Fan', 'Map', 1],
      ['Work', 'Task', 5],
    ]);
  });

  it('where asked, runs the first item alone and the others once it ended', async () => {
    const events: string[] = [];
    const work = async (payload: { index: number }) => {
      events.push(`start ${payload.index}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${payload.index}`);
      return payload;
    };
    const alone = await run(fanOut(), 3, work, ['Fan']);
    expect(alone.status).toBe('SUCCEEDED');
    expect(events.slice(0, 2)).toEqual(['start 0', 'end 0']);
    expect((alone.output as { results: unknown[] }).results).toHaveLength(3);

    events.length = 0;
    await run(fanOut(), 3, work);
    expect(events.slice(0, 2)).toEqual(['start 0', 'start 1']);
  });

  it('has no timeout of its own: children that take minutes in all do not fail it', async () => {
    vi.useFakeTimers();
    try {
      // Two at a time, 40 s each: six items take two minutes.
      const work = (payload: { index: number }) =>
        new Promise((resolve) => setTimeout(() => resolve(payload), 40_000));
      const running = run(fanOut(), 6, work);
      await vi.advanceTimersByTimeAsync(121_000);
      const record = await running;
      expect(record.error).toBeUndefined();
      expect(record.status).toBe('SUCCEEDED');
      expect((record.output as { results: unknown[] }).results).toHaveLength(6);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives each child its own context: the state machine is <machine>/<Label>', async () => {
    const definition = fanOut();
    const processor = definition.States.Fan?.ItemProcessor as WorkflowDefinition;
    (processor.States.Work as unknown as { Parameters: unknown }).Parameters = {
      FunctionName: 'work',
      Payload: { 'machine.$': '$$.StateMachine.Name', 'execution.$': '$$.Execution.Id' },
    };
    const seen: unknown[] = [];
    const record = await run(definition, 2, async (payload) => {
      seen.push(payload);
      return {};
    });
    expect(record.status).toBe('SUCCEEDED');
    expect(seen).toEqual([
      { machine: 'Test/Fan', execution: 'run-1/Fan:Fan-0' },
      { machine: 'Test/Fan', execution: 'run-1/Fan:Fan-1' },
    ]);
  });

  it('fails the Map on the first failed child (no failure tolerated) and starts no more children', async () => {
    const started: number[] = [];
    const record = await run(fanOut({ MaxConcurrency: 1 }), 5, async ({ index }) => {
      started.push(index);
      if (index === 2) throw new Error('boom');
      return {};
    });
    expect(record.status).toBe('SUCCEEDED');
    expect(record.steps.map((s) => s.name)).toContain('MapFailed');
    expect(record.output).toMatchObject({
      failure: { Error: 'States.ExceedToleratedFailureThreshold' },
    });
    expect(started).toEqual([0, 1, 2]);
    expect(record.map_runs?.[0]).toMatchObject({
      items: 5,
      succeeded: 2,
      failed: 1,
      aborted: 2,
      failures: [{ execution_name: 'Fan-2', error: 'Error', cause: 'boom' }],
    });
  });

  it('goes on past failures it tolerates', async () => {
    const record = await run(
      fanOut({ MaxConcurrency: 1, ToleratedFailurePercentage: 40 }),
      5,
      async ({ index }) => {
        if (index % 2 === 1) throw new Error('odd');
        return {};
      },
    );
    expect(record.steps.map((s) => s.name)).not.toContain('MapFailed');
    expect(record.map_runs?.[0]).toMatchObject({ succeeded: 3, failed: 2, aborted: 0 });
  });

  it('fails with States.ItemReaderFailed when the manifest is missing', async () => {
    const definition = fanOut({ Catch: undefined });
    (definition.States.Fan?.ItemReader as { Parameters: unknown }).Parameters = {
      Bucket: 'manifests',
      Key: 'missing.json',
    };
    const record = await run(definition, 1, async () => ({}));
    expect(record).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed' });
  });
});
