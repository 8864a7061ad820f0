import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogGroupSink } from '../../../src/adapters/local/cloudwatch/log-group-sink.ts';

describe('LogGroupSink', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every line of many concurrent writes, in the order they were asked, per group', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fp-log-sink-'));
    const sink = new LogGroupSink(dir);
    await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        sink.write(i % 2 ? '/flightpulse/sms' : '/flightpulse/email', { n: i }),
      ),
    );
    // A write after the burst lands after it.
    await sink.write('/flightpulse/sms', { n: 500 });
    const lines = (file: string) =>
      readFileSync(join(dir, file), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { n: number }).n);
    const odd = Array.from({ length: 250 }, (_, i) => 2 * i + 1);
    expect(lines('flightpulse-sms.log')).toEqual([...odd, 500]);
    expect(lines('flightpulse-email.log')).toEqual(odd.map((n) => n - 1));
  });

  it('appends after a file rewritten in place (an erasure), and closes with every line written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fp-log-sink-'));
    const sink = new LogGroupSink(dir);
    await sink.write('/flightpulse/sms', { n: 1 });
    await sink.write('/flightpulse/sms', { n: 2 });
    const file = join(dir, 'flightpulse-sms.log');
    writeFileSync(file, '{"n":"erased"}\n');
    await sink.write('/flightpulse/sms', { n: 3 });
    const last = sink.write('/flightpulse/sms', { n: 4 });
    await sink.close();
    await last;
    expect(readFileSync(file, 'utf8')).toBe('{"n":"erased"}\n{"n":3}\n{"n":4}\n');
  });
});
