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

describe('stage watchers', () => {
  it('hear each call as it ends, with its start, until they stop watching', async () => {
    const stages = new StageTimings();
    const heard: Array<[string, number, number]> = [];
    const stop = stages.watch((stage, startedAt, ms) => heard.push([stage, startedAt, ms]));
    const before = performance.now();
    await stages.time('compose', () => new Promise((resolve) => setTimeout(resolve, 20)));
    stages.add('change_feed', 3);
    stop();
    stages.add('send', 1);
    expect(heard.map(([stage]) => stage)).toEqual(['compose', 'change_feed']);
    const [, composeStart, composeMs] = heard[0] as [string, number, number];
    expect(composeStart).toBeGreaterThanOrEqual(before);
    expect(composeMs).toBeGreaterThanOrEqual(15);
    const [, feedStart, feedMs] = heard[1] as [string, number, number];
    expect(feedMs).toBe(3);
    expect(feedStart).toBeGreaterThanOrEqual(composeStart + composeMs - 3);
  });
});
