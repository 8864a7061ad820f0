import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const assess = (input: string) => runCli(['weather', 'assess', '--json'], input);

describe('flightpulse weather assess --json', () => {
  it('prints the assessment of a METAR and a TAF at a time', async () => {
    const { code, stdout } = await assess(
      JSON.stringify({
        airport: 'DAL',
        metar: 'KDAL 151153Z 00000KT 1/4SM R13L/1200V1600FT FG VV001 08/08 A3012 RMK AO2',
        taf: 'TAF KDAL 151120Z 1512/1612 16005KT 3SM BR OVC008 TEMPO 1512/1516 0400 FG VV002 FM151700 18010KT P6SM BKN015',
        at: '2025-01-15T14:00:00Z',
      }),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      flight_category: 'IFR',
      ceiling_ft: 800,
      visibility_m: 4828,
      risk: 'HIGH',
      below_minimums: true,
      crosswind_kt: { '13L': 2, '31R': 2, '13R': 2, '31L': 2 },
      reasons: [
        'TAF: IFR, ceiling 800 ft, visibility 3 SM',
        'TAF TEMPO 1200-1600: 0400 m FG, below CAT I RVR 550 m',
      ],
    });
  });

  it('uses the METAR when no time is given', async () => {
    const { stdout } = await assess(
      JSON.stringify({ airport: 'JFK', metar: 'KJFK 301251Z 31012KT 10SM FEW250 M02/M10 A3012' }),
    );
    expect(JSON.parse(stdout)).toMatchObject({
      flight_category: 'VFR',
      ceiling_ft: null,
      visibility_m: 16093,
      risk: 'NONE',
    });
  });

  it('answers a malformed report with a clear error and exit code 1', async () => {
    const { code, stdout, stderr } = await assess(
      JSON.stringify({ airport: 'JFK', metar: 'KJFK 301251Z 31012KT 10SM BKN0X0 08/06 A2992' }),
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error).toContain('unrecognised group BKN0X0');
    expect(stderr).toContain('malformed report');
  });

  it('rejects input that is not the documented JSON', async () => {
    const { code, stderr } = await assess('{"airport": "JFK"}');
    // Wrong usage (input not in the documented shape) exits 2, as every command's usage errors do.
    expect(code).toBe(2);
    expect(stderr).toContain('invalid input');
  });
});
