/**
 * Reports carry only day of month, hour and minute. The full time is the one nearest to a
 * reference (the time the report was received, or the time asked about) — at most half a month
 * either side, which is how long a day-of-month stays unambiguous.
 */
export function reportTime(
  group: { day: number; hour: number; minute: number },
  reference: string,
): string {
  const ref = new Date(reference);
  let best: number | undefined;
  for (const monthShift of [-1, 0, 1]) {
    const candidate = Date.UTC(
      ref.getUTCFullYear(),
      ref.getUTCMonth() + monthShift,
      group.day,
      group.hour,
      group.minute,
    );
    // Day 31 in a 30-day month rolls into the next month: not this month's report.
    if (new Date(candidate).getUTCDate() !== group.day) continue;
    if (best === undefined || Math.abs(candidate - ref.getTime()) < Math.abs(best - ref.getTime()))
      best = candidate;
  }
  if (best === undefined) throw new RangeError(`no month near ${reference} has day ${group.day}`);
  return new Date(best).toISOString();
}

/** "1500" for 15:00Z. */
export function hhmm(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getUTCHours()).padStart(2, '0')}${String(d.getUTCMinutes()).padStart(2, '0')}`;
}
