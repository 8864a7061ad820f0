import type { CaseFacts } from './case-facts.ts';
import { careItems, hours } from './case-facts.ts';
import { judgeCountryRegime } from './judge-country-regime.ts';
import type { RegimeJudgement } from './rights-case.ts';
import type { ApprRuleSet } from './rule-sets.ts';

type Control = 'OUTSIDE' | 'SAFETY' | 'WITHIN';

function controlOf(rules: ApprRuleSet, facts: CaseFacts): Control {
  if (rules.outside_control_causes.includes(facts.cause.category)) return 'OUTSIDE';
  if (rules.safety_causes.includes(facts.cause.category)) return 'SAFETY';
  return 'WITHIN';
}

/** One case being judged: the rules, the facts, whose control the cause was, the draft. */
interface Judging {
  rules: ApprRuleSet;
  facts: CaseFacts;
  control: Control;
  j: RegimeJudgement;
  cite: (key: string) => void;
}

const CONTROL_TEXT: Record<Control, string> = {
  OUTSIDE: 'outside the carrier’s control',
  SAFETY: 'within the carrier’s control and required for safety',
  WITHIN: 'within the carrier’s control',
};
const CONTROL_CITATION: Record<Control, string> = {
  OUTSIDE: 'outside_control',
  SAFETY: 'safety',
  WITHIN: 'within_control',
};

/**
 * Canada's APPR for one case: compensation by arrival delay and carrier size only for a
 * disruption within the carrier's control and not required for safety, care from 2 h when within
 * its control, and the refund alternative.
 */
export function judgeAppr(rules: ApprRuleSet, facts: CaseFacts): RegimeJudgement {
  return judgeCountryRegime(rules, facts, (j, cite) => {
    const control = controlOf(rules, facts);
    j.reasons.push(`${facts.cause.category} is ${CONTROL_TEXT[control]}`);
    cite(CONTROL_CITATION[control]);
    if (facts.cause.flagged) {
      j.reasons.push(
        `cause "${facts.cause.reason}" unknown: treated as within the carrier's control`,
      );
      cite('unknown_cause');
    }
    const judging = { rules, facts, control, j, cite };
    careAndRefund(judging);
    compensate(judging);
  });
}

function careAndRefund({ rules, facts, control, j, cite }: Judging): void {
  const cancelled = facts.rightsCase.disruption.type === 'CANCELLED';
  const delay = facts.arrivalDelayMinutes;
  const waits = cancelled ? facts.noticeDays === 0 : (delay ?? 0) >= rules.care_from_minutes;
  if (control !== 'OUTSIDE' && waits) {
    j.care = careItems(facts);
    j.reasons.push(
      cancelled ? 'cancelled on the day: care while waiting' : 'delay of 2 h or more: care',
    );
    cite('care');
  }
  if (cancelled || (delay ?? 0) >= rules.refund_from_delay_minutes) {
    j.refund = true;
    j.reasons.push(
      control === 'OUTSIDE'
        ? 'refund if the carrier cannot rebook within 48 h or the passenger declines the rebooking'
        : 'refund if the alternative arrangements do not meet the passenger’s needs',
    );
    cite('refund');
  }
}

function compensate({ rules, facts, control, j, cite }: Judging): void {
  const size = facts.rightsCase.carrier.size;
  if (control !== 'WITHIN') {
    j.reasons.push(
      'no compensation: only disruptions within the carrier’s control and not required for safety are compensated',
    );
    return;
  }
  const cancelled = facts.rightsCase.disruption.type === 'CANCELLED';
  if (cancelled && facts.noticeDays > rules.notice_compensation_up_to_days) {
    j.reasons.push(
      `told ${facts.noticeDays} days ahead (more than ${rules.notice_compensation_up_to_days}): no compensation`,
    );
    cite('notice');
    return;
  }
  const delay = facts.arrivalDelayMinutes;
  if (delay === null || facts.rightsCase.disruption.reroute?.declined) {
    j.compensation = { amount: rules.refund_only_minimum[size], currency: 'CAD' };
    j.reasons.push(
      delay === null
        ? `cancelled without rebooking: the ${size} carrier's minimum compensation with the refund`
        : `the rebooking was declined for a refund: the ${size} carrier's minimum compensation`,
    );
    cite('refund_only');
    return;
  }
  const band = rules.delay_bands.findLast((b) => delay >= b.from_minutes);
  if (!band) {
    j.reasons.push(
      `arrival delay ${hours(delay)} is under ${hours(rules.delay_bands[0]?.from_minutes ?? 0)}`,
    );
    return;
  }
  j.compensation = { amount: band[size], currency: 'CAD' };
  j.reasons.push(`arrival delay of ${hours(delay)} with a ${size} carrier`);
  cite('compensation');
  if (cancelled) cite('notice');
}
