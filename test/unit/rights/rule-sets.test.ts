import { describe, expect, it } from 'vitest';
import { airports } from '../../../src/domain/airports/airport-reference.ts';
import { causeOf } from '../../../src/domain/rights/cause.ts';
import { judgeRights } from '../../../src/domain/rights/judge-rights.ts';
import type { RightsCase } from '../../../src/domain/rights/rights-case.ts';
import {
  DistanceRuleSetSchema,
  RULE_SETS,
  ruleSetInForce,
} from '../../../src/domain/rights/rule-sets.ts';

const longHaulWeather: RightsCase = {
  origin: 'FRA',
  destination: 'JFK',
  carrier: { region: 'EU', size: 'large' },
  scheduled_departure: '2026-12-01T10:00:00Z',
  scheduled_arrival: '2026-12-01T18:30:00Z',
  disruption: { type: 'DELAY', arrival_delay_minutes: 260, cause: 'WEATHER' },
};

describe('effective-dated rule sets', () => {
  it('picks the rule set in force on the departure date, never an undated one', () => {
    expect(ruleSetInForce('EU261', '2026-12-01')?.id).toBe('EU261-2004');
    expect(
      ruleSetInForce('EU261', '2026-12-01', RULE_SETS, { 'EU261-2026': '2026-12-01' })?.id,
    ).toBe('EU261-2026');
    expect(
      ruleSetInForce('EU261', '2026-11-30', RULE_SETS, { 'EU261-2026': '2026-12-01' })?.id,
    ).toBe('EU261-2004');
    expect(ruleSetInForce('EU261', '2005-02-16')).toBeUndefined();
    expect(ruleSetInForce('UK261', '2020-12-31')).toBeUndefined();
  });

  it('judges one disruption by both EU261 rule sets: same money, the revision adds claim duties', () => {
    const technical = {
      ...longHaulWeather,
      disruption: { ...longHaulWeather.disruption, cause: 'TECHNICAL' },
    };
    const old = judgeRights(technical, { airports }).regimes[0];
    const revised = judgeRights(technical, {
      airports,
      effectiveDates: { 'EU261-2026': '2026-06-01' },
    }).regimes[0];
    expect(old).toMatchObject({
      rule_set: 'EU261-2004',
      compensation: { amount: 600 },
      duties: null,
    });
    expect(revised).toMatchObject({
      rule_set: 'EU261-2026',
      compensation: { amount: 600, currency: 'EUR' },
      duties: { claim_notice_within_hours: 48, claim_answer_days: 30 },
    });
    expect(revised?.citations.join(' ')).toMatch(/48 hours/);
  });

  it('under the revision, an extraordinary cause still owes the claim notice naming it', () => {
    const revised = judgeRights(longHaulWeather, {
      airports,
      effectiveDates: { 'EU261-2026': '2026-06-01' },
    }).regimes[0];
    expect(revised).toMatchObject({
      compensation: null,
      extraordinary_cause: 'WEATHER',
      duties: { claim_notice_within_hours: 48 },
    });
  });

  it('rejects a malformed rule file with the field that is wrong', () => {
    const broken = { ...RULE_SETS[0], bands: [] };
    expect(() => DistanceRuleSetSchema.parse(broken)).toThrow(/bands/);
  });
});

describe('causeOf', () => {
  it.each([
    ['WEATHER', 'WEATHER', false],
    ['MECHANICAL', 'TECHNICAL', false],
    ['crew', 'CREW', false],
    ['air traffic control', 'ATC', false],
    ['OTHER', 'OPERATIONAL', true],
    ['volcanic dust of unknown kind', 'OPERATIONAL', true],
  ])('reads %s as %s (flagged: %s)', (reason, category, flagged) => {
    expect(causeOf(reason)).toEqual({ category, reason, flagged });
  });
});
