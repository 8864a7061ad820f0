import type { CaseFacts } from './case-facts.ts';
import { hours } from './case-facts.ts';
import { judgeCountryRegime } from './judge-country-regime.ts';
import type { RegimeJudgement } from './rights-case.ts';
import type { DotRuleSet } from './rule-sets.ts';

/**
 * The US DOT refund rule for one case: an automatic refund when the flight is cancelled or
 * significantly changed and the passenger does not accept the alternative. No compensation
 * and no care are federal duties.
 */
export function judgeDot(rules: DotRuleSet, facts: CaseFacts): RegimeJudgement {
  return judgeCountryRegime(rules, facts, (j, cite) => {
    const domestic = facts.origin.region === 'US' && facts.destination.region === 'US';
    const threshold = rules.significant_change_minutes[domestic ? 'domestic' : 'international'];
    const changes = significantChanges(facts, threshold, domestic);
    if (facts.rightsCase.disruption.type === 'CANCELLED') {
      j.refund = true;
      j.reasons.push(
        facts.rightsCase.disruption.reroute?.declined
          ? 'cancelled and the alternative declined: refund'
          : 'cancelled: refund if the passenger does not accept the alternative',
      );
      cite('cancellation');
    } else if (changes.length > 0) {
      j.refund = true;
      j.reasons.push(
        `significantly changed (${changes.join('; ')}): refund if the passenger does not accept it`,
      );
      cite('significant_change');
    } else {
      j.reasons.push(`a change under ${hours(threshold)} is not significant: no refund right`);
    }
    if (j.refund) {
      const { card_business_days: card, other_calendar_days: other } = rules.refund_due;
      j.reasons.push(
        `refund due within ${card} business days (card) or ${other} calendar days (other payment)`,
      );
      cite('refund_due');
    }
    cite('no_compensation');
  });
}

function significantChanges(facts: CaseFacts, threshold: number, domestic: boolean): string[] {
  const changes: string[] = [];
  const delay = facts.arrivalDelayMinutes ?? 0;
  const scope = domestic ? 'domestic' : 'international';
  if (delay >= threshold)
    changes.push(`arrival ${hours(delay)} late, ${hours(threshold)} or more ${scope}`);
  const reroute = facts.rightsCase.disruption.reroute;
  if (reroute?.other_airport) changes.push('another airport');
  if (reroute?.more_connections) changes.push('more connections');
  if (reroute?.downgrade) changes.push('a lower class of service');
  return changes;
}
