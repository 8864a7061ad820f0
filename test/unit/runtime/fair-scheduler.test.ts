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

  it("puts a run's head work (its first batch) before any run's later batches, after urgent work", async () => {
    const slots = new FairScheduler(1);
    const first = gate();
    const order: string[] = [];
    const blocker = slots.run(() => first.opened, { owner: 'A' });
    const queued = [
      slots.run(async () => order.push('A batch 2'), { owner: 'A' }),
      slots.run(async () => order.push('A batch 3'), { owner: 'A' }),
      slots.run(async () => order.push('B first batch'), { owner: 'B', head: true }),
      slots.run(async () => order.push('C terminal SMS'), { owner: 'C', urgent: true }),
      slots.run(async () => order.push('B batch 2'), { owner: 'B' }),
    ];
    first.open();
    await Promise.all([blocker, ...queued]);
    // Then served once each: arrival order, turn by turn.
    expect(order).toEqual([
      'C terminal SMS',
      'B first batch',
      'A batch 2',
      'B batch 2',
      'A batch 3',
    ]);
  });

  it("serves the owners in turn by what each was served, each owner's work in arrival order", async () => {
    const slots = new FairScheduler(1);
    const first = gate();
    const order: string[] = [];
    const blocker = slots.run(() => first.opened);
    const queued = ['A', 'B', 'C'].flatMap((owner) =>
      [1, 2, 3].map((n) => slots.run(async () => order.push(`${owner}${n}`), { owner })),
    );
    first.open();
    await Promise.all([blocker, ...queued]);
    expect(order).toEqual(['A1', 'B1', 'C1', 'A2', 'B2', 'C2', 'A3', 'B3', 'C3']);
  });

  it('counts work that started at once as served: an owner served before waits behind a new one', async () => {
    const slots = new FairScheduler(2);
    const first = gate();
    const order: string[] = [];
    // A is served twice without waiting; then its next work queues beside B's.
    const running = [
      slots.run(() => first.opened, { owner: 'A' }),
      slots.run(() => first.opened, { owner: 'A' }),
    ];
    const queued = [
      slots.run(async () => order.push('A3'), { owner: 'A' }),
      slots.run(async () => order.push('B1'), { owner: 'B' }),
      slots.run(async () => order.push('none'), {}),
    ];
    first.open();
    await Promise.all([...running, ...queued]);
    expect(order).toEqual(['B1', 'none', 'A3']);
  });

  it('keeps arrival order among work with no owner, thousands deep', async () => {
    const slots = new FairScheduler(1);
    const first = gate();
    const order: number[] = [];
    const blocker = slots.run(() => first.opened);
    const queued = Array.from({ length: 5000 }, (_, i) => slots.run(async () => order.push(i)));
    expect(slots.queued).toBe(5000);
    first.open();
    await Promise.all([blocker, ...queued]);
    expect(order).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(slots.queued).toBe(0);
  });

  it('shrinks as running work ends and grows at once when resized', async () => {
    const slots = new FairScheduler(3);
    let running = 0;
    let most = 0;
    const gates = Array.from({ length: 9 }, gate);
    const works = gates.map((g) =>
      slots.run(async () => {
        running++;
        most = Math.max(most, running);
        await g.opened;
        running--;
      }),
    );
    await Promise.resolve();
    expect(running).toBe(3);
    slots.resize(1);
    most = running;
    // The three running finish; only one slot is handed on.
    for (const g of gates.slice(0, 3)) g.open();
    await new Promise((r) => setTimeout(r, 0));
    expect(running).toBe(1);
    slots.resize(4);
    expect(slots.queued).toBe(2);
    await Promise.resolve();
    expect(running).toBe(4);
    for (const g of gates.slice(3)) g.open();
    await Promise.all(works);
    expect(most).toBe(4);
    expect(slots.queued).toBe(0);
  });
});
