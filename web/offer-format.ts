/**
 * How the console words a rebooking offer: its options' flights in the airports' local times,
 * how late they arrive, and why an offer waits for a person. Shared by the flight page, the
 * agent queue and the passenger's offer page.
 */

import type { OptionSegment } from '../src/domain/rebooking/rebooking-types.ts';
import { OFFER_PAGE_TEXT, type OfferPageText } from './offer-page-text.ts';

type Escape = (value: unknown) => string;
/** The words an option is described in (the console's staff pages use English). */
type OptionWords = Pick<OfferPageText, 'locale' | 'onTime' | 'later' | 'approval' | 'cabin'>;
const ENGLISH: OptionWords = OFFER_PAGE_TEXT.en;

export interface OfferOptionView {
  option_id: string;
  rank: number;
  segments: OptionSegment[];
  arrival_delay_minutes: number;
  approval?: string;
  needs_agent_approval?: boolean;
}

/** The statuses in the order the console counts them. */
export const OFFER_STATUS_ORDER = [
  'OPEN',
  'ACCEPTED',
  'DECLINED',
  'EXPIRED',
  'AUTO_REBOOKED',
  'ESCALATED',
  'PENDING_AGENT',
] as const;

/**
 * A time as the airport's clock shows it. Option times carry the airport's own offset, so the
 * wall-clock digits are read from the string, not converted to the viewer's zone.
 */
export function localClock(iso: string, locale = ENGLISH.locale): string {
  const day = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  const date = Number.isNaN(day.getTime())
    ? iso.slice(0, 10)
    : new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }).format(day);
  return `${date}, ${iso.slice(11, 16)}`;
}

/** `arrives 2 h 5 min later than planned`, or `arrives on time`. */
export function delayText(minutes: number, words: OptionWords = ENGLISH): string {
  if (minutes <= 0) return words.onTime;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const span = [hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean).join(' ');
  return words.later(span);
}

/** One flight of an option: `SW2210 PHX Wed 15 Jan, 13:00 → LAX 14:10 · Economy`. */
export function segmentHtml(s: OptionSegment, h: Escape, words: OptionWords = ENGLISH): string {
  const sameDay = s.arrival.slice(0, 10) === s.departure.slice(0, 10);
  const arrival = sameDay ? s.arrival.slice(11, 16) : localClock(s.arrival, words.locale);
  return `<span class="segment" data-flight="${h(s.flight_id)}"><strong>${h(s.flight_id)}</strong> ${h(s.origin)} ${h(localClock(s.departure, words.locale))} → ${h(s.destination)} ${h(arrival)} · ${h(words.cabin(s.cabin))}</span>`;
}

/** An option on one line: its flights, how late it arrives, and whether it needs approval. */
export function optionText(o: OfferOptionView, h: Escape, words: OptionWords = ENGLISH): string {
  const approval = o.approval ?? (o.needs_agent_approval ? 'CABIN_UPGRADE' : undefined);
  return `${o.segments.map((s) => segmentHtml(s, h, words)).join(' <span aria-hidden="true">+</span> ')} <span class="muted">· ${h(delayText(o.arrival_delay_minutes, words))}${approval ? ` · ${h(words.approval)}` : ''}</span>`;
}

const REASONS: Record<string, string> = {
  NO_OPTION_WITHIN_24H: 'No flight arrives within 24 hours of the original arrival',
  NO_SEAT_AVAILABLE: 'Every option is full',
  PARTY_CANNOT_BE_PLACED: 'The party cannot travel together on any option',
  SPECIAL_NEED_CANNOT_BE_PLACED: 'No option suits the passenger’s special assistance',
  PASSENGER_ASKED_FOR_AGENT: 'The passenger asked for an agent',
  TOP_OPTION_NO_LONGER_AVAILABLE: 'At expiry no option had room left',
  TOP_OPTION_NEEDS_AGENT: 'At expiry the remaining option needs an agent’s approval',
};

/** Why an offer waits for an agent, in words, with the code kept for searching. */
export function reasonText(reason: string | undefined): string {
  if (!reason) return '';
  return `${REASONS[reason] ?? reason} (${reason})`;
}
