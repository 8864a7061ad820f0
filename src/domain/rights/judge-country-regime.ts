import type { CaseFacts } from './case-facts.ts';
import { notApplicable, openJudgement } from './case-facts.ts';
import type { RegimeJudgement } from './rights-case.ts';
import type { ApprRuleSet, DotRuleSet } from './rule-sets.ts';

/** The country each national regime covers. */
const COUNTRY = {
  APPR: { region: 'CA', name: 'Canada' },
  DOT: { region: 'US', name: 'the United States' },
} as const;

/** Whether the itinerary touches the country: both regimes cover flights to, from or within it. */
export function touchesCountry(rules: ApprRuleSet | DotRuleSet, facts: CaseFacts): boolean {
  const { region } = COUNTRY[rules.regime];
  return facts.origin.region === region || facts.destination.region === region;
}

/**
 * Canada's APPR and the US DOT rule share their start: out of scope unless the flight goes to,
 * from or within the country; otherwise a judgement by the rule set citing its scope, which
 * `decide` then fills in.
 */
export function judgeCountryRegime(
  rules: ApprRuleSet | DotRuleSet,
  facts: CaseFacts,
  decide: (judgement: RegimeJudgement, cite: (key: string) => void) => void,
): RegimeJudgement {
  if (!touchesCountry(rules, facts)) {
    return notApplicable(
      rules.regime,
      [`not a flight to, from or within ${COUNTRY[rules.regime].name}`],
      [rules.citations.scope ?? rules.title],
    );
  }
  const { judgement, cite } = openJudgement(rules.regime, rules, facts, [`judged by ${rules.id}`]);
  cite('scope');
  decide(judgement, cite);
  return judgement;
}
