import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { airports } from '../../../src/domain/airports/airport-reference.ts';
import { judgeRights } from '../../../src/domain/rights/judge-rights.ts';
import type { RightsCase } from '../../../src/domain/rights/rights-case.ts';

const ROUTES = [
  'CDG-FCO',
  'FRA-IST',
  'FRA-LIS',
  'FRA-JFK',
  'JFK-FRA',
  'LHR-EDI',
  'LHR-JFK',
  'YYZ-YVR',
  'LHR-YYZ',
  'DAL-HOU',
  'YYZ-JFK',
  'HEL-TFS',
];
const CAUSES = [
  'WEATHER',
  'ATC',
  'SECURITY',
  'BIRD_STRIKE',
  'STRIKE_EXTERNAL',
  'TECHNICAL',
  'CREW',
  'COMMERCIAL',
  'OPERATIONAL',
  'OTHER',
];
const EXTRAORDINARY = ['WEATHER', 'ATC', 'SECURITY', 'BIRD_STRIKE', 'STRIKE_EXTERNAL'];

const carrier = fc.record({
  region: fc.constantFrom('EU', 'UK', 'CA', 'US', 'OTHER' as const),
  size: fc.constantFrom('large', 'small' as const),
});

function delayCase(
  route: string,
  c: RightsCase['carrier'],
  minutes: number,
  cause: string,
): RightsCase {
  const [origin = '', destination = ''] = route.split('-');
  return {
    origin,
    destination,
    carrier: c,
    scheduled_departure: '2026-03-02T07:00:00Z',
    scheduled_arrival: '2026-03-02T15:00:00Z',
    disruption: { type: 'DELAY', arrival_delay_minutes: minutes, cause },
  };
}

const amountOf = (result: ReturnType<typeof judgeRights>, regime: string) =>
  result.regimes.find((r) => r.regime === regime)?.compensation?.amount ?? 0;

describe('passenger-rights properties', () => {
  it('compensation never decreases as the delay grows, in any regime', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROUTES),
        carrier,
        fc.constantFrom(...CAUSES),
        fc.integer({ min: 0, max: 1440 }),
        fc.integer({ min: 0, max: 1440 }),
        (route, c, cause, a, extra) => {
          const shorter = judgeRights(delayCase(route, c, a, cause), { airports });
          const longer = judgeRights(delayCase(route, c, a + extra, cause), { airports });
          for (const regime of ['EU261', 'UK261', 'APPR', 'DOT']) {
            expect(amountOf(longer, regime)).toBeGreaterThanOrEqual(amountOf(shorter, regime));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never compensates an extraordinary cause under EU261 or UK261, and never withdraws care for it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROUTES),
        carrier,
        fc.constantFrom(...EXTRAORDINARY),
        fc.integer({ min: 0, max: 1440 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 30 }),
        (route, c, cause, minutes, cancelled, notice) => {
          const base = delayCase(route, c, minutes, cause);
          const rightsCase: RightsCase = cancelled
            ? { ...base, disruption: { type: 'CANCELLED', cause, notice_days: notice } }
            : base;
          const result = judgeRights(rightsCase, { airports });
          const technical = judgeRights(
            { ...rightsCase, disruption: { ...rightsCase.disruption, cause: 'TECHNICAL' } },
            { airports },
          );
          for (const regime of ['EU261', 'UK261'] as const) {
            const judged = result.regimes.find((r) => r.regime === regime);
            expect(judged?.compensation).toBeNull();
            expect(judged?.care).toEqual(technical.regimes.find((r) => r.regime === regime)?.care);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same case gives the same answer', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROUTES),
        carrier,
        fc.constantFrom(...CAUSES),
        fc.nat(1440),
        (route, c, cause, m) => {
          const rightsCase = delayCase(route, c, m, cause);
          expect(judgeRights(rightsCase, { airports })).toEqual(
            judgeRights(rightsCase, { airports }),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
