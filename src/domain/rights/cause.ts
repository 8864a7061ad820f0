/** The cause categories the rules judge by (the event's reason maps to one of them). */
export const CAUSE_CATEGORIES = [
  'WEATHER',
  'ATC',
  'SECURITY',
  'BIRD_STRIKE',
  'STRIKE_EXTERNAL',
  'TECHNICAL',
  'CREW',
  'COMMERCIAL',
  'OPERATIONAL',
] as const;
export type CauseCategory = (typeof CAUSE_CATEGORIES)[number];

/** How an event's reason reads as a cause; `flagged` means nobody knows it: check by hand. */
export interface Cause {
  category: CauseCategory;
  /** The reason as it arrived, for the review queue. */
  reason: string;
  flagged: boolean;
}

/** Operations reasons that are not category names themselves. */
const REASON_ALIASES: Readonly<Record<string, CauseCategory>> = {
  MECHANICAL: 'TECHNICAL',
  TECHNICAL_FAULT: 'TECHNICAL',
  AIR_TRAFFIC_CONTROL: 'ATC',
  BIRDSTRIKE: 'BIRD_STRIKE',
  STAFF_STRIKE: 'CREW',
  CREW_STRIKE: 'CREW',
  AIRPORT_STRIKE: 'STRIKE_EXTERNAL',
  ATC_STRIKE: 'STRIKE_EXTERNAL',
  OVERBOOKING: 'COMMERCIAL',
  SCHEDULE_CHANGE: 'COMMERCIAL',
};

/**
 * The cause category of a reason. A reason nobody recognises (OTHER included) is treated as
 * within the carrier's control, since the carrier bears the burden of proving an extraordinary
 * circumstance, and is flagged so a person reviews it.
 */
export function causeOf(reason: string): Cause {
  const key = reason
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  const known = (CAUSE_CATEGORIES as readonly string[]).includes(key)
    ? (key as CauseCategory)
    : REASON_ALIASES[key];
  return known
    ? { category: known, reason, flagged: false }
    : { category: 'OPERATIONAL', reason, flagged: true };
}
