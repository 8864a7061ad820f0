import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const rights = (input: string) => runCli(['rights', '--json'], input, { LOG_LEVEL: 'SILENT' });

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
