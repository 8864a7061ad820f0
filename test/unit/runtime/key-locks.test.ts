import { describe, expect, it } from 'vitest';
import { KeyLocks } from '../../../src/adapters/local/key-locks.ts';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('key locks: work one at a time per key', () => {
  it("runs a key's work in arrival order, one at a time, and other keys beside it", async () => {
    const serial = new KeyLocks();
    const first = gate();
    const order: string[] = [];
    const a1 = serial.run('SW1', async () => {
      await first.opened;
      order.push('SW1 first');
    });
    const a2 = serial.run('SW1', async () => {
      order.push('SW1 second');
    });
    const b1 = serial.run('SW2', async () => {
      order.push('SW2 first');
    });
    await b1;
    expect(order).toEqual(['SW2 first']);
    first.open();
    await Promise.all([a1, a2]);
    expect(order).toEqual(['SW2 first', 'SW1 first', 'SW1 second']);
  });

  it('goes on after a failure, passes the failure to its caller, and forgets idle keys', async () => {
    const serial = new KeyLocks();
    const failed = serial.run('SW1', async () => Promise.reject(new Error('store down')));
    const next = serial.run('SW1', async () => 'ran');
    await expect(failed).rejects.toThrow('store down');
    await expect(next).resolves.toBe('ran');
    await new Promise((r) => setTimeout(r, 0));
    expect(serial.size).toBe(0);
  });
});
