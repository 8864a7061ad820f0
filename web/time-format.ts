/**
 * Every time on the console carries its date and zone: flight times in the airport's local
 * time (its IANA zone from the server), activity in the viewer's own zone.
 */

const dash = '—';

function format(iso: unknown, timeZone: string | undefined): string {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return dash;
  try {
    return new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
      ...(timeZone ? { timeZone } : {}),
    }).format(new Date(iso));
  } catch {
    return format(iso, 'UTC');
  }
}

/** A flight time at its airport: `Wed 15 Jan, 08:00 CST` with the zone as a tooltip. */
export function airportTime(iso: unknown, zone: string | null | undefined): string {
  if (typeof iso !== 'string') return dash;
  if (!zone) {
    // No zone known for the airport: the offset the record carries.
    const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(iso)?.[1] ?? 'Z';
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC${offset === 'Z' ? '' : offset}`;
  }
  return `<time datetime="${iso}" title="${zone}">${format(iso, zone)}</time>`;
}

/** An activity time in the viewer's zone, with the zone named. */
export function viewerTime(iso: unknown): string {
  if (typeof iso !== 'string') return dash;
  return `<time datetime="${iso}" title="${Intl.DateTimeFormat().resolvedOptions().timeZone}">${format(iso, undefined)}</time>`;
}

/** The viewer's zone, named once in headings. */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
