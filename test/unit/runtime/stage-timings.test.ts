import { describe, expect, it } from 'vitest';
import { StageTimings } from '../../../src/runtime/stage-timings.ts';

describe('stage timings', () => {
  it('adds each call to its stage and reports stages in pipeline order', async () => {
    const stages = new StageTimings();
    const send = stages.wrap('send', async (n: number) => n * 2);
    expect(await send(21)).toBe(42);
    stages.add('ingest', 5);
    stages.add('ingest', 7);
    await expect(
      stages.time('record', async () => Promise.reject(new Error('conditional check failed'))),
    ).rejects.toThrow();
    const snapshot = stages.snapshot();
    expect(snapshot.map((s) => s.stage)).toEqual(['ingest', 'record', 'send']);
    expect(snapshot[0]).toEqual({ stage: 'ingest', calls: 2, ms: 12 });
    expect(snapshot[1]?.calls).toBe(1);
  });
});
