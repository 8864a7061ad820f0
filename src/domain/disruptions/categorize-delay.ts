export type DelayCategory = 'MINOR' | 'MAJOR' | 'SEVERE';

/**
 * Categorises a delay: minor under 30 minutes, major from 30 to 120, severe over 120.
 *
 * @example
 * categorizeDelay(25); // 'MINOR'
 * categorizeDelay(120); // 'MAJOR'
 */
export function categorizeDelay(delayMinutes: number): DelayCategory {
  if (delayMinutes < 30) return 'MINOR';
  if (delayMinutes <= 120) return 'MAJOR';
  return 'SEVERE';
}

/** The EventBridge detail type for a delay, e.g. `flight.delay.major`. */
export function delayDetailType(
  category: DelayCategory,
): `flight.delay.${Lowercase<DelayCategory>}` {
  return `flight.delay.${category.toLowerCase() as Lowercase<DelayCategory>}`;
}
