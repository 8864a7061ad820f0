import { fork, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameContextFlags } from '../../../src/runtime/frame-context.ts';

const ROOT = join(import.meta.dirname, '../../..');
const RUN = join(ROOT, 'bin/run.js');
const REPORTER = 'test/support/report-async-context.ts';

interface Report {
  pid: number;
  frameBacked: boolean;
  args: string[];
  execArgv: string[];
}

describe('frame-backed AsyncLocalStorage for the entry points', () => {
  it('restarts bin/run.js in place: the same pid, its options and arguments, frame-backed', async () => {
    const child = spawn(process.execPath, ['--max-old-space-size=300', RUN, REPORTER, 'a', '--b'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const report = JSON.parse(out) as Report;
    expect(report.pid).toBe(child.pid);
    expect(report.frameBacked).toBe(true);
    expect(report.args).toEqual(['a', '--b']);
    expect(report.execArgv).toContain('--max-old-space-size=300');
    expect(report.execArgv).toEqual(expect.arrayContaining(frameContextFlags()));
  });

  it('leaves a process with an IPC channel as it started (the channel would not survive)', async () => {
    const child = fork(RUN, [REPORTER], { cwd: ROOT, execArgv: [], stdio: 'inherit' });
    const report = await new Promise<Report>((resolve) => child.once('message', resolve));
    expect(report.pid).toBe(child.pid);
    // Frame-backed only where this Node.js does so by default (no flag to give).
    expect(report.frameBacked).toBe(frameContextFlags().length === 0);
  });
});
