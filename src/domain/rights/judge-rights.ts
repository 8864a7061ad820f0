import type { AirportLookup } from '../airports/airport-lookup.ts';
import { arrivalDelayOf, type CaseFacts, notApplicable } from './case-facts.ts';
import { causeOf } from './cause.ts';
import { geodesicDistanceKm } from './distance.ts';
import { judgeAppr } from './judge-appr.ts';
import { judgeDistanceRegime } from './judge-distance-regime.ts';
import { judgeDot } from './judge-dot.ts';
import type { RegimeJudgement, RightsCase, RightsResult } from './rights-case.ts';
import {
  type EffectiveDates,
  REGIMES,
  type Regime,
  RULE_SETS,
  type RuleSet,
  ruleSetInForce,
} from './rule-sets.ts';

export interface JudgeOptions {
  airports: AirportLookup;
  ruleSets?: readonly RuleSet[];
  /** Configured effective dates by rule-set id (the EU261 revision's until it is published). */
  effectiveDates?: EffectiveDates;
  /** Overrides the geodesic distance (boundary tests of the distance bands). */
  distanceKm?: number;
}

/**
 * Every regime's verdict on one case, judged by the rule sets in force on the scheduled
 * departure's date. Deterministic: the same case and rules give the same answer.
 *
 * @throws UnknownAirportError when origin or destination is not in the airport reference.
 */
export function judgeRights(rightsCase: RightsCase, options: JudgeOptions): RightsResult {
  const origin = options.airports.get(rightsCase.origin);
  const destination = options.airports.get(rightsCase.destination);
  const facts: CaseFacts = {
    rightsCase,
    origin,
    destination,
    distanceKm: options.distanceKm ?? geodesicDistanceKm(origin, destination),
    cause: causeOf(rightsCase.disruption.cause),
    arrivalDelayMinutes: arrivalDelayOf(rightsCase),
    noticeDays: rightsCase.disruption.notice_days ?? 0,
  };
  const date = rightsCase.scheduled_departure.slice(0, 10);
  const ruleSets = options.ruleSets ?? RULE_SETS;
  return {
    distance_km: facts.distanceKm,
    regimes: REGIMES.map((regime) =>
      judgeRegime(regime, facts, ruleSetInForce(regime, date, ruleSets, options.effectiveDates)),
    ),
  };
}

function judgeRegime(
  regime: Regime,
  facts: CaseFacts,
  rules: RuleSet | undefined,
): RegimeJudgement {
  if (!rules)
    return notApplicable(regime, [`no ${regime} rule set in force on the departure date`]);
  switch (rules.regime) {
    case 'EU261':
    case 'UK261':
      return judgeDistanceRegime(rules, facts);
    case 'APPR':
      return judgeAppr(rules, facts);
    case 'DOT':
      return judgeDot(rules, facts);
  }
}
