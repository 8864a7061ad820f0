import type { Disruption } from '../disruptions/disruption.ts';
import type { Booking } from '../records/booking.ts';
import type { Passenger } from '../records/passenger.ts';
import type { RightsStatement } from '../rights/rights-statement.ts';
import { localDate, localTime } from './local-clock.ts';
import { assistanceRequests, primaryRequest } from './message-segment.ts';
import type { MessageTemplate, Placeholder } from './message-templates.ts';
import type { LanguagePack } from './templates/language-pack.ts';
import { languagePack } from './templates/language-packs.ts';

export const SMS_MAX_LENGTH = 160;

export interface FilledMessage {
  email_subject: string;
  email_body: string;
  sms_body: string;
}

/** 25 → "25 minutes"; 90 → "1 hour 30 minutes"; 180 → "3 hours" (in the pack's words). */
export function formatDuration(minutes: number, pack: LanguagePack = languagePack('en')): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = `${hours} ${pack.hour[hours === 1 ? 0 : 1]}`;
  const m = `${rest} ${pack.minute[rest === 1 ? 0 : 1]}`;
  if (hours === 0) return m;
  return rest === 0 ? h : `${h} ${m}`;
}

/**
 * The value of every placeholder this passenger's message can use for this disruption, in the
 * passenger's language. Departure times are in the departure airport's local time and arrival
 * times in the arrival airport's, each with its zone: the event's offset is not trusted to be
 * the airport's (a UTC time would otherwise be shown as if it were local).
 */
export function placeholderValues(
  passenger: Passenger,
  booking: Booking,
  disruption: Disruption,
  rights: RightsStatement = { email: '', sms: '' },
): Partial<Record<Placeholder, string>> {
  const pack = languagePack(passenger.language);
  const d = disruption.detail;
  const { origin, destination, original_departure } = d.flight_details;
  const requests = assistanceRequests(booking.special_requests);
  const primary = primaryRequest(booking.special_requests);
  const values: Partial<Record<Placeholder, string>> = {
    first_name: passenger.first_name,
    flight_id: d.flight_id,
    origin,
    destination,
    departure_date: localDate(original_departure, origin, pack),
    original_departure_time: localTime(original_departure, origin, pack),
    gate: d.flight_details.gate,
    seat: booking.seat,
    confirmation_number: booking.confirmation_number,
  };
  if (requests.length > 0)
    values.special_assistance = requests.map((r) => pack.requestWords[r]).join(` ${pack.and} `);
  if (primary) values.assistance = pack.requestShort[primary];
  if (disruption.kind !== 'GATE_CHANGE') {
    // Each statement brings its own separator, so an empty one leaves no gap.
    values.rights = rights.email === '' ? '' : `\n\n${rights.email}`;
    values.rights_sms = rights.sms === '' ? '' : ` ${rights.sms}`;
  }
  switch (disruption.kind) {
    case 'DELAY':
      values.new_departure_time = newLocalTime(
        disruption.detail.new_departure,
        original_departure,
        origin,
        pack,
      );
      values.new_arrival_time = newLocalTime(
        disruption.detail.new_arrival,
        d.flight_details.original_arrival,
        destination,
        pack,
      );
      values.delay_duration = formatDuration(disruption.detail.delay_minutes, pack);
      values.reason_text = pack.reasons[disruption.detail.reason] ?? pack.reasons.OTHER;
      break;
    case 'CANCELLATION':
      values.reason_text = pack.reasons[disruption.detail.reason] ?? pack.reasons.OTHER;
      break;
    case 'GATE_CHANGE':
      values.old_gate = disruption.detail.old_gate;
      values.new_gate = disruption.detail.new_gate;
      values.gate = disruption.detail.new_gate;
      break;
  }
  return values;
}

/** A new time, with its date when the delay moved it to another local day. */
function newLocalTime(iso: string, was: string, airport: string, pack: LanguagePack): string {
  const time = localTime(iso, airport, pack);
  const sameDay = localDate(iso, airport, pack) === localDate(was, airport, pack);
  return sameDay ? time : `${time}, ${localDate(iso, airport, pack, 'short')}`;
}

/** The local times a message may show: any other time in a message is invented or not local. */
export function localTimesOf(values: Partial<Record<Placeholder, string>>): string[] {
  return [
    values.original_departure_time,
    values.new_departure_time,
    values.new_arrival_time,
  ].filter((t): t is string => t !== undefined);
}

export class UnfilledPlaceholderError extends Error {
  override name = 'UnfilledPlaceholderError';
}

function fill(text: string, values: Partial<Record<string, string>>): string {
  return text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new UnfilledPlaceholderError(`no value for {{${name}}}`);
    return value;
  });
}

/**
 * Fills a segment's template with one passenger's details. An SMS that would run past 160
 * characters (a long first name, say) gets the first name shortened, and is cut as a last resort.
 *
 * @throws UnfilledPlaceholderError when the template uses a placeholder with no value.
 */
export function fillMessage(
  template: MessageTemplate,
  values: Partial<Record<Placeholder, string>>,
): FilledMessage {
  return {
    email_subject: fill(template.email_subject, values),
    email_body: fill(template.email_body, values),
    sms_body: fillSms(template.sms_body, values),
  };
}

function fillSms(text: string, values: Partial<Record<Placeholder, string>>): string {
  const sms = fill(text, values);
  if (sms.length <= SMS_MAX_LENGTH) return sms;
  const name = values.first_name ?? '';
  const keep = name.length - (sms.length - SMS_MAX_LENGTH) - 1;
  if (keep >= 1) return fill(text, { ...values, first_name: `${name.slice(0, keep)}…` });
  return `${sms.slice(0, SMS_MAX_LENGTH - 1)}…`;
}
