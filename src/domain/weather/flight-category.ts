import { METRES_PER_STATUTE_MILE } from './conditions.ts';

export const FLIGHT_CATEGORIES = ['VFR', 'MVFR', 'IFR', 'LIFR'] as const;
export type FlightCategory = (typeof FLIGHT_CATEGORIES)[number];

/**
 * The FAA's flight categories (Aeronautical Information Manual 7-1-7): LIFR below 500 ft or
 * below 1 SM; IFR 500 to below 1,000 ft or 1 to below 3 SM; MVFR 1,000 to 3,000 ft or 3 to
 * 5 SM; VFR above 3,000 ft and above 5 SM. The lower of ceiling and visibility decides.
 *
 * @example flightCategory(800, 16093) // 'IFR'
 */
export function flightCategory(ceilingFt: number | null, visibilityM: number): FlightCategory {
  const sm = visibilityM / METRES_PER_STATUTE_MILE;
  const ceiling = ceilingFt ?? Number.POSITIVE_INFINITY;
  // Metric reports round: 1,600 m, 4,800 m and 8,000 m are 1, 3 and 5 miles in the FAA's
  // conversion table, so compare with 1 % of slack.
  const slack = 0.01;
  if (ceiling < 500 || sm < 1 * (1 - slack)) return 'LIFR';
  if (ceiling < 1000 || sm < 3 * (1 - slack)) return 'IFR';
  if (ceiling <= 3000 || sm <= 5 * (1 + slack)) return 'MVFR';
  return 'VFR';
}
