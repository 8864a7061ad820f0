import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { settle } from '../../../bench/settle.ts';

/** A real process that spins a core for `busyMs`, says so, then idles until killed. */
async function busyFor(busyMs: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [
    '-e',
    `const end = Date.now() + ${busyMs}; console.log('busy'); while (Date.now() < end); setInterval(() => {}, 1000);`,
  ]);
  await once(child.stdout as NodeJS.ReadableStream, 'data');
  return child;
}

describe('settle', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it('waits while a process is busy and returns once it is quiet', async () => {
    const child = await busyFor(1_500);
    children.push(child);
    const result = await settle([child.pid], 10_000);
    expect(result.quiet).toBe(true);
    // The first half-second window saw the spin; quiet comes only after it ended.
    expect(result.waited_ms).toBeGreaterThanOrEqual(1_000);
  });

  it('gives up after its limit when a process never goes quiet', async () => {
    const child = await busyFor(60_000);
    children.push(child);
    const result = await settle([child.pid], 1_200);
    expect(result.quiet).toBe(false);
  });

  it('takes a process that is gone, or unknown, as quiet', async () => {
    const result = await settle([undefined, 2 ** 22 + 1], 5_000);
    expect(result).toMatchObject({ quiet: true });
  });
});
