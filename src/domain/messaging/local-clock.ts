import { airports } from '../airports/airport-reference.ts';
import { dateFormatter as formatter } from './date-formatter.ts';
import type { LanguagePack } from './templates/language-pack.ts';

/**
 * The zone abbreviation a traveller reads next to a local time (CST, MDT, CET, BST). US zones
 * have English abbreviations, European ones British; elsewhere the offset (UTC+9).
 */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  for (const locale of ['en-US', 'en-GB']) {
    const name = formatter(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+-−]/.test(name)) return name;
  }
  const offset = formatter('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  return (offset ?? 'UTC').replace(/^GMT/, 'UTC');
}

/** `+05:30` → `UTC+5:30`, for a time whose airport the reference does not know. */
function offsetName(iso: string): string {
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(iso)?.[1] ?? 'Z';
  if (offset === 'Z' || offset === '+00:00' || offset === '-00:00') return 'UTC';
  const [hours = '00', minutes = '00'] = offset.slice(1).split(':');
  return `UTC${offset[0]}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`;
}

/** The airport's IANA zone, or undefined when the reference does not know the code. */
export function timeZoneOf(airportCode: string): string | undefined {
  return airports.find(airportCode)?.timeZone;
}

function clockParts(instant: Date, timeZone: string): { hour: number; minute: number } {
  const parts = formatter('en-US', {
    timeZone,
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { hour: value('hour'), minute: value('minute') };
}

/**
 * Where the clock is read: the airport's zone, or — for an airport the reference does not know —
 * the instant shifted by the offset it was sent with, read in UTC, so the time stays as sent.
 */
function clockSource(iso: string, airportCode: string): { instant: Date; timeZone: string } {
  const known = timeZoneOf(airportCode);
  if (known) return { instant: new Date(iso), timeZone: known };
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  const minutes = offset
    ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
    : 0;
  return { instant: new Date(Date.parse(iso) + minutes * 60_000), timeZone: 'UTC' };
}

/**
 * An instant as the airport's clock shows it, with the zone: `8:25 AM CST` in English,
 * `08:25 CST` elsewhere. An airport the reference does not know keeps the offset it was sent in.
 */
export function localTime(iso: string, airportCode: string, pack: LanguagePack): string {
  return remembered(`time|${iso}|${airportCode}|${pack.hour12}`, () => {
    const { instant, timeZone } = clockSource(iso, airportCode);
    const { hour, minute } = clockParts(instant, timeZone);
    const mm = String(minute).padStart(2, '0');
    const clock = pack.hour12
      ? `${hour % 12 === 0 ? 12 : hour % 12}:${mm} ${hour < 12 ? 'AM' : 'PM'}`
      : `${String(hour).padStart(2, '0')}:${mm}`;
    const zone = timeZone === 'UTC' ? offsetName(iso) : zoneAbbreviation(instant, timeZone);
    return `${clock} ${zone}`;
  });
}

/**
 * The date at the airport, written the language's way: `January 15, 2025`, `15. Januar 2025`;
 * short (`Jan 16`, `16. Jan.`) where it follows a time.
 */
export function localDate(
  iso: string,
  airportCode: string,
  pack: LanguagePack,
  form: 'long' | 'short' = 'long',
): string {
  return remembered(`date|${iso}|${airportCode}|${pack.locale}|${form}`, () => {
    const { instant, timeZone } = clockSource(iso, airportCode);
    return formatter(pack.locale, {
      timeZone,
      day: 'numeric',
      month: form,
      ...(form === 'long' ? { year: 'numeric' } : {}),
    }).format(instant);
  });
}

/** Times and dates written lately: a wave writes the same few for every passenger of a flight. */
const written = new Map<string, string>();
const WRITTEN_KEPT = 10_000;

function remembered(key: string, write: () => string): string {
  let text = written.get(key);
  if (text === undefined) {
    text = write();
    if (written.size >= WRITTEN_KEPT) written.clear();
    written.set(key, text);
  }
  return text;
}
