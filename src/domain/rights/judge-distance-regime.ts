import type { CaseFacts } from './case-facts.ts';
import { careItems, hours, minutesBetween, notApplicable, openJudgement } from './case-facts.ts';
import type { RegimeJudgement } from './rights-case.ts';
import type { DistanceRuleSet } from './rule-sets.ts';

type Band = DistanceRuleSet['bands'][number];

/** Art. 3(1): departing the territory, or arriving in it on a covered carrier. */
function inScope(rules: DistanceRuleSet, facts: CaseFacts): boolean {
  if (facts.origin.region === rules.home_region) return true;
  return (
    facts.destination.region === rules.home_region &&
    rules.covered_carrier_regions.includes(facts.rightsCase.carrier.region)
  );
}

/** Art. 7(1): the distance band, capped for flights within the territory. */
function bandIndex(rules: DistanceRuleSet, facts: CaseFacts): number {
  const index = rules.bands.findIndex((b) => b.max_km === null || facts.distanceKm <= b.max_km);
  const intra =
    facts.origin.region === rules.home_region && facts.destination.region === rules.home_region;
  return intra ? Math.min(index, rules.intra_region_top_band) : index;
}

interface Draft {
  judgement: RegimeJudgement;
  cite: (key: string) => void;
  say: (reason: string) => void;
}

function draft(rules: DistanceRuleSet, facts: CaseFacts): Draft {
  const { judgement, cite } = openJudgement(rules.regime, rules, facts);
  return { judgement, cite, say: (reason) => judgement.reasons.push(reason) };
}

/**
 * EU261 or UK261 for one case: scope, distance band, compensation (delay per Sturgeon,
 * cancellation per notice period and reroute, 50% reduction by band), extraordinary
 * circumstances, care by band and the refund option.
 */
export function judgeDistanceRegime(rules: DistanceRuleSet, facts: CaseFacts): RegimeJudgement {
  if (!inScope(rules, facts)) {
    return notApplicable(
      rules.regime,
      [`neither departing the ${rules.home_region} nor arriving there on a covered carrier`],
      [rules.citations.scope ?? rules.title],
    );
  }
  const d = draft(rules, facts);
  const index = bandIndex(rules, facts);
  const band = rules.bands[index] as Band;
  d.cite('scope');
  d.say(`judged by ${rules.id}; ${facts.distanceKm} km puts the flight in band ${index + 1}`);
  d.cite('distance');
  const extraordinary = rules.extraordinary_causes.includes(facts.cause.category);
  if (facts.cause.flagged) {
    d.say(`cause "${facts.cause.reason}" unknown: treated as within the carrier's control`);
    d.cite('unknown_cause');
  }
  if (facts.rightsCase.disruption.type === 'DELAY') delayRights(rules, facts, band, index, d);
  else cancellationRights(rules, facts, band, d);
  if (d.judgement.compensation && rules.duties) addClaimDuties(rules, d);
  if (extraordinary) refuseForExtraordinary(facts, d);
  else if (facts.cause.category === 'TECHNICAL') d.cite('technical');
  else if (facts.cause.category === 'CREW') d.cite('own_strike');
  return d.judgement;
}

/**
 * The revision's duties follow any case that would be compensated but for the cause: the claim
 * notice must then name the extraordinary circumstance invoked.
 */
function addClaimDuties(rules: DistanceRuleSet, d: Draft): void {
  if (!rules.duties) return;
  const { claim_notice_within_hours: within, claim_answer_days: days } = rules.duties;
  d.judgement.duties = { claim_notice_within_hours: within, claim_answer_days: days };
  d.say(
    `a claim form link and the reason are due by e-mail within ${within} h of the scheduled arrival; a claim is answered within ${days} days`,
  );
  d.cite('claim_notice');
  d.cite('claim_answer');
}

function refuseForExtraordinary(facts: CaseFacts, d: Draft): void {
  const category = facts.cause.category;
  d.judgement.extraordinary_cause = category;
  if (d.judgement.compensation) {
    d.judgement.compensation = null;
    d.say(`${category} is an extraordinary circumstance: no compensation, care still owed`);
  } else {
    d.say(`${category} is an extraordinary circumstance: it would remove compensation, not care`);
  }
  d.cite('extraordinary');
  if (category === 'BIRD_STRIKE') d.cite('bird_strike');
  if (d.judgement.care.length > 0) d.cite('care_always');
}

function delayRights(
  rules: DistanceRuleSet,
  facts: CaseFacts,
  band: Band,
  index: number,
  d: Draft,
): void {
  const delay = facts.arrivalDelayMinutes ?? 0;
  if (delay >= band.care_from_minutes) {
    d.judgement.care = careItems(facts);
    d.say(`delay of ${hours(delay)} reaches the ${hours(band.care_from_minutes)} care threshold`);
    d.cite('care');
  }
  if (delay >= rules.refund_from_delay_minutes) {
    d.judgement.refund = true;
    d.say(`delay of ${hours(delay)} reaches ${hours(rules.refund_from_delay_minutes)}: refund`);
    d.cite('refund_delay');
  }
  if (delay < rules.delay_compensation_from_minutes) {
    d.say(`arrival delay ${hours(delay)} is under ${hours(rules.delay_compensation_from_minutes)}`);
    return;
  }
  const short = rules.long_haul_short_delay;
  const partial = index === short.band && delay < short.below_minutes;
  d.judgement.compensation = {
    amount: partial ? short.amount : band.amount,
    currency: rules.currency,
  };
  d.say(`arrival delay of ${hours(delay)} gives compensation`);
  d.cite('delay_compensation');
  d.cite(partial ? 'long_haul_short_delay' : 'amount');
}

function cancellationRights(rules: DistanceRuleSet, facts: CaseFacts, band: Band, d: Draft): void {
  const { rightsCase, noticeDays } = facts;
  d.judgement.refund = true;
  d.say('cancelled: the passenger may choose a refund or rerouting');
  d.cite('refund_cancellation');
  if (noticeDays < rules.notice.none_from_days) {
    d.judgement.care = careItems(facts);
    d.say(`told ${noticeDays} days ahead: care while waiting`);
    d.cite('cancellation_care');
  }
  if (noticeDays >= rules.notice.none_from_days) {
    d.say(
      `told ${noticeDays} days ahead (${rules.notice.none_from_days} or more): no compensation`,
    );
    d.cite('cancellation');
    return;
  }
  const reroute = rightsCase.disruption.reroute;
  if (reroute?.declined)
    d.say('refund taken; the rerouting offered still decides compensation (Art. 5(1)(c), 7(2))');
  const window = rules.notice.windows.find((w) => noticeDays >= w.from_days);
  if (reroute && window) {
    const early = minutesBetween(reroute.departure, rightsCase.scheduled_departure);
    const late = facts.arrivalDelayMinutes ?? 0;
    if (early <= window.max_early_departure_minutes && late < window.late_arrival_below_minutes) {
      d.say(
        `told ${noticeDays} days ahead and rerouted leaving ${hours(Math.max(0, early))} early, arriving ${hours(late)} late: no compensation`,
      );
      d.cite('cancellation');
      return;
    }
  }
  const reduced =
    reroute !== undefined && (facts.arrivalDelayMinutes ?? 0) <= band.reduction_within_minutes;
  d.judgement.compensation = {
    amount: reduced ? band.amount / 2 : band.amount,
    currency: rules.currency,
  };
  d.say(`cancelled with ${noticeDays} days' notice: compensation`);
  d.cite('cancellation');
  d.cite('amount');
  if (reduced) {
    d.say(`the reroute arrives within ${hours(band.reduction_within_minutes)}: reduced by 50%`);
    d.cite('reduction');
  }
}
