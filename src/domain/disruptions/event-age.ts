/** How far ahead an event may be stamped (clock skew, announced changes): 24 hours. */
export const MAX_FUTURE_MS = 24 * 3600_000;
/** Default for FLIGHTPULSE_MAX_EVENT_AGE_HOURS: a week, longer than any replay worth acting on. */
export const DEFAULT_MAX_EVENT_AGE_HOURS = 7 * 24;

/** The instant a timestamp names; one without a zone offset is read as UTC. */
export function instantOf(timestamp: string): number {
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(timestamp) ? timestamp : `${timestamp}Z`;
  return Date.parse(zoned);
}

/**
 * Why an event is too far in the future or too old to act on, or undefined when it is neither.
 *
 * @example
 * eventAgeProblem('1970-01-01T00:00:00Z', '2026-11-30T12:00:00Z', 168)
 * // 'event timestamp 1970-01-01T00:00:00Z is older than 168 h (…)'
 */
export function eventAgeProblem(
  timestamp: string,
  now: string,
  maxAgeHours: number = DEFAULT_MAX_EVENT_AGE_HOURS,
): string | undefined {
  const at = instantOf(timestamp);
  const current = Date.parse(now);
  if (Number.isNaN(at)) return `event timestamp ${timestamp} is not a date`;
  if (at - current > MAX_FUTURE_MS)
    return `event timestamp ${timestamp} is more than 24 h in the future (now ${now})`;
  if (current - at > maxAgeHours * 3600_000)
    return `event timestamp ${timestamp} is older than ${maxAgeHours} h (now ${now})`;
  return undefined;
}
