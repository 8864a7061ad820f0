import { describe, expect, it } from 'vitest';
import { airports } from '../../../src/domain/airports/airport-reference.ts';
import { judgeRights } from '../../../src/domain/rights/judge-rights.ts';
import { RightsCaseSchema } from '../../../src/domain/rights/rights-case.ts';
import { GOLDEN_CASES } from './golden-cases.ts';

describe('golden passenger-rights cases', () => {
  it('has at least sixty cases, each with a source', () => {
    expect(GOLDEN_CASES.length).toBeGreaterThanOrEqual(60);
    expect(GOLDEN_CASES.filter((c) => c.source.length === 0)).toEqual([]);
  });

  it.each(GOLDEN_CASES.map((c) => [c.name, c] as const))('%s', (_name, golden) => {
    const input = RightsCaseSchema.parse(golden.input);
    const result = judgeRights(input, {
      airports,
      ...(golden.distanceKm === undefined ? {} : { distanceKm: golden.distanceKm }),
      ...(golden.effectiveDates ? { effectiveDates: golden.effectiveDates } : {}),
    });
    for (const [regime, expected] of Object.entries(golden.expect)) {
      const actual = result.regimes.find((r) => r.regime === regime);
      const { compensation, ...rest } = expected;
      expect(actual, regime).toMatchObject(rest);
      if (compensation !== undefined) {
        expect(
          actual?.compensation ? [actual.compensation.amount, actual.compensation.currency] : null,
          `${regime} compensation`,
        ).toEqual(compensation);
      }
      if (actual?.applies)
        expect(actual.citations.length, `${regime} citations`).toBeGreaterThan(0);
    }
  });
});
