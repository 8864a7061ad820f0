import { describe, expect, it } from 'vitest';
import { UnknownProviderMessageError } from '../../../src/domain/delivery/provider-receipt.ts';
import { withReportRetries } from '../../../src/runtime/report-retries.ts';

describe('provider reports that overtake the send', () => {
  it('are applied again until the send is on record, with capped waits', async () => {
    const waits: number[] = [];
    let calls = 0;
    const applied = await withReportRetries(
      async () => {
        calls++;
        if (calls < 10) throw new UnknownProviderMessageError('not marked yet');
        return 'applied';
      },
      async (ms) => {
        waits.push(ms);
      },
    );
    expect(applied).toBe('applied');
    expect(waits.slice(0, 3)).toEqual([25, 50, 100]);
    expect(Math.max(...waits)).toBe(2_000);
  });

  it('give up after twenty tries, and never retry another error', async () => {
    let calls = 0;
    const noWait = async () => undefined;
    await expect(
      withReportRetries(async () => {
        calls++;
        throw new UnknownProviderMessageError('never sent');
      }, noWait),
    ).rejects.toThrow('never sent');
    expect(calls).toBe(20);
    calls = 0;
    await expect(
      withReportRetries(async () => {
        calls++;
        throw new Error('store down');
      }, noWait),
    ).rejects.toThrow('store down');
    expect(calls).toBe(1);
  });
});
