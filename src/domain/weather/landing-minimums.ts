import { METRES_PER_STATUTE_MILE } from './conditions.ts';

export const APPROACH_CATEGORIES = ['CAT I', 'CAT II', 'CAT IIIA'] as const;
export type ApproachCategory = (typeof APPROACH_CATEGORIES)[number];

export interface LandingMinimums {
  approach: ApproachCategory;
  /** Decision height above touchdown. */
  decision_height_ft: number;
  runway_visual_range_m: number;
  /** Why the figures differ from the approach's own, e.g. "high-minimums captain". */
  raised_for?: string;
}

/** The lowest minimums of each approach category (ICAO Annex 6 / FAA Order 8400.13). */
export const APPROACH_MINIMUMS: Record<ApproachCategory, LandingMinimums> = {
  'CAT I': { approach: 'CAT I', decision_height_ft: 200, runway_visual_range_m: 550 },
  'CAT II': { approach: 'CAT II', decision_height_ft: 100, runway_visual_range_m: 300 },
  // CAT IIIA: a decision height below 100 ft (50 ft is the common figure), RVR 200 m.
  'CAT IIIA': { approach: 'CAT IIIA', decision_height_ft: 50, runway_visual_range_m: 200 },
};

export type CrewQualification = 'STANDARD' | 'HIGH_MINIMUMS_CAPTAIN';

/** Half a statute mile, the visibility a high-minimums captain adds (RVR 2,400 ft ≈ 730 m). */
const HALF_MILE_M = Math.round(METRES_PER_STATUTE_MILE / 2);

/**
 * The minimums that apply: the airport's lowest available approach, raised for the crew. A
 * captain with fewer than 100 hours as pilot in command on type adds 100 ft and ½ mile to the
 * CAT I figures and may not fly CAT II or III (14 CFR 121.652).
 *
 * @example applicableMinimums('CAT II', 'HIGH_MINIMUMS_CAPTAIN') // CAT I 300 ft / 1355 m
 */
export function applicableMinimums(
  lowest: ApproachCategory,
  crew: CrewQualification,
): LandingMinimums {
  if (crew === 'STANDARD') return APPROACH_MINIMUMS[lowest];
  const cat1 = APPROACH_MINIMUMS['CAT I'];
  return {
    approach: 'CAT I',
    decision_height_ft: cat1.decision_height_ft + 100,
    runway_visual_range_m: cat1.runway_visual_range_m + HALF_MILE_M,
    raised_for: 'high-minimums captain (14 CFR 121.652)',
  };
}
