import type { Airport } from '../airports/airport.ts';
import { dateFormatter } from '../messaging/date-formatter.ts';
import type { Cause } from './cause.ts';
import type { CareItem, RegimeJudgement, RightsCase } from './rights-case.ts';
import type { Regime } from './rule-sets.ts';

/** What every regime reads of a case, worked out once. */
export interface CaseFacts {
  rightsCase: RightsCase;
  origin: Airport;
  destination: Airport;
  distanceKm: number;
  cause: Cause;
  /** Arrival delay at the final destination; null for a cancellation without a reroute. */
  arrivalDelayMinutes: number | null;
  /** Cancellation notice in whole days (0 when not given: told on the day). */
  noticeDays: number;
}

const MINUTE = 60_000;

export function minutesBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / MINUTE);
}

/** The arrival delay a case states, or the one its reroute implies. */
export function arrivalDelayOf(rightsCase: RightsCase): number | null {
  const { disruption } = rightsCase;
  if (disruption.reroute) {
    return Math.max(0, minutesBetween(rightsCase.scheduled_arrival, disruption.reroute.arrival));
  }
  return disruption.arrival_delay_minutes ?? null;
}

/** The calendar date of an instant at an airport. */
function localDate(iso: string, timeZone: string): string {
  return dateFormatter('en-CA', { timeZone }).format(new Date(iso));
}

/**
 * When the passenger now leaves: the reroute's departure, or the scheduled departure plus the
 * delay (a departure delay is taken to equal the arrival delay).
 */
export function expectedDeparture(facts: CaseFacts): string | null {
  const { rightsCase } = facts;
  const reroute = rightsCase.disruption.reroute;
  if (reroute) return reroute.departure;
  if (rightsCase.disruption.type === 'CANCELLED' || facts.arrivalDelayMinutes === null) return null;
  const at = Date.parse(rightsCase.scheduled_departure) + facts.arrivalDelayMinutes * MINUTE;
  return new Date(at).toISOString();
}

/** A night away: the new departure falls on a later local date at the origin. */
export function isOvernight(facts: CaseFacts): boolean {
  const departure = expectedDeparture(facts);
  if (departure === null) return false;
  const zone = facts.origin.timeZone;
  return localDate(departure, zone) > localDate(facts.rightsCase.scheduled_departure, zone);
}

/** Meals and communication, plus a hotel and the transfer to it when the wait is overnight. */
export function careItems(facts: CaseFacts): CareItem[] {
  return isOvernight(facts)
    ? ['MEALS', 'COMMUNICATION', 'HOTEL', 'HOTEL_TRANSPORT']
    : ['MEALS', 'COMMUNICATION'];
}

export function notApplicable(regime: Regime, reasons: string[], citations: string[] = []) {
  return {
    regime,
    applies: false,
    compensation: null,
    refund: false,
    care: [],
    reasons,
    citations,
    rule_set: null,
    review: false,
    duties: null,
    extraordinary_cause: null,
  } satisfies RegimeJudgement;
}

export function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * A regime that applies, judged by `rules`, with a `cite` that adds a rule's citation once —
 * the start every judge shares.
 */
export function openJudgement(
  regime: Regime,
  rules: { id: string; citations: Record<string, string | undefined> },
  facts: CaseFacts,
  reasons: string[] = [],
): { judgement: RegimeJudgement; cite: (key: string) => void } {
  const judgement: RegimeJudgement = {
    ...notApplicable(regime, reasons),
    applies: true,
    rule_set: rules.id,
    review: facts.cause.flagged,
  };
  const cite = (key: string) => {
    const text = rules.citations[key];
    if (text && !judgement.citations.includes(text)) judgement.citations.push(text);
  };
  return { judgement, cite };
}
