/**
 * Shifts an ISO date-time by some minutes and keeps its UTC offset, so a local departure time
 * stays local: `2025-01-15T08:00:00-06:00` + 25 → `2025-01-15T08:25:00-06:00`.
 */
export function shiftLocalTime(iso: string, minutes: number): string {
  const match = /(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  const offset = match?.[1] ?? 'Z';
  const offsetMinutes =
    offset === 'Z'
      ? 0
      : (offset.startsWith('-') ? -1 : 1) *
        (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const shifted = new Date(Date.parse(iso) + (minutes + offsetMinutes) * 60_000);
  return `${shifted.toISOString().slice(0, 19)}${offset === 'Z' ? 'Z' : offset}`;
}

/** The same instant in UTC, so event times compare as strings. */
export function toUtc(iso: string): string {
  return new Date(Date.parse(iso)).toISOString();
}
