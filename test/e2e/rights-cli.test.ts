import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/flightpulse.js');

function rights(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'rights', '--json'], {
      env: { ...process.env, LOG_LEVEL: 'SILENT' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const FRA_JFK = {
  origin: 'FRA',
  destination: 'JFK',
  carrier: { region: 'EU', size: 'large' },
  scheduled_departure: '2026-12-01T10:00:00Z',
  scheduled_arrival: '2026-12-01T18:30:00Z',
  disruption: { type: 'DELAY', arrival_delay_minutes: 200, cause: 'TECHNICAL' },
};

describe('flightpulse rights --json', () => {
  it('prints the distance and every regime in the issue’s shape', async () => {
    const { code, stdout } = await rights(JSON.stringify(FRA_JFK));
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['distance_km', 'regimes']);
    expect(result.distance_km).toBeCloseTo(6206, 0);
    expect(result.regimes.map((r: { regime: string }) => r.regime)).toEqual([
      'EU261',
      'UK261',
      'APPR',
      'DOT',
    ]);
    for (const r of result.regimes)
      expect(Object.keys(r)).toEqual([
        'regime',
        'applies',
        'compensation',
        'refund',
        'care',
        'reasons',
        'citations',
      ]);
    expect(result.regimes[0]).toMatchObject({
      applies: true,
      compensation: { amount: 300, currency: 'EUR' },
      refund: false,
    });
    expect(result.regimes[0].citations.join(' ')).toMatch(/Sturgeon/);
  });

  it('judges a cancellation with its notice and reroute', async () => {
    const { code, stdout } = await rights(
      JSON.stringify({
        ...FRA_JFK,
        disruption: {
          type: 'CANCELLED',
          cause: 'CREW',
          notice_days: 3,
          reroute: { departure: '2026-12-01T11:00:00Z', arrival: '2026-12-01T21:00:00Z' },
        },
      }),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).regimes[0]).toMatchObject({
      compensation: { amount: 300, currency: 'EUR' },
      refund: true,
    });
  });

  it('answers bad input with a usage error naming the problem (exit 2)', async () => {
    const notJson = await rights('{');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/not JSON/);
    const unknown = await rights(JSON.stringify({ ...FRA_JFK, origin: 'XQX' }));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown airport code "XQX"/);
    const noDelay = await rights(
      JSON.stringify({ ...FRA_JFK, disruption: { type: 'DELAY', cause: 'X' } }),
    );
    expect(noDelay.code).toBe(2);
    expect(noDelay.stderr).toMatch(/arrival_delay_minutes/);
  });
});
