import { describe, expect, it } from 'vitest';
import { FairScheduler } from '../../../src/runtime/fair-scheduler.ts';

/** Work that finishes only when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('fair scheduler', () => {
  it('never runs more work at once than it has slots', async () => {
    const slots = new FairScheduler(3);
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        slots.run(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 1));
          running--;
        }),
      ),
    );
    expect(most).toBe(3);
  });

  it('hands a freed slot to urgent work first, then to the owner served least, then in arrival order', async () => {
    const slots = new FairScheduler(1);
    const first = gate();
    const order: string[] = [];
    const blocker = slots.run(() => first.opened, { owner: 'A' });
    const queued = [
      slots.run(async () => order.push('A second'), { owner: 'A' }),
      slots.run(async () => order.push('B first'), { owner: 'B' }),
      slots.run(async () => order.push('C first'), { owner: 'C' }),
      slots.run(async () => order.push('D urgent'), { owner: 'D', urgent: true }),
    ];
    expect(slots.queued).toBe(4);
    first.open();
    await Promise.all([blocker, ...queued]);
    expect(order).toEqual(['D urgent', 'B first', 'C first', 'A second']);
  });

  it('passes a failure to its caller and frees the slot', async () => {
    const slots = new FairScheduler(1);
    await expect(slots.run(async () => Promise.reject(new Error('store down')))).rejects.toThrow(
      'store down',
    );
    await expect(slots.run(async () => 'next')).resolves.toBe('next');
  });
});
