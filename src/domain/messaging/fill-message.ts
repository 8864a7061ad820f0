import type { Disruption } from '../disruptions/disruption.ts';
import type { Booking } from '../records/booking.ts';
import type { Passenger } from '../records/passenger.ts';
import { SPECIAL_REQUEST_WORDS } from './message-segment.ts';
import type { MessageTemplate, Placeholder } from './message-templates.ts';

export const SMS_MAX_LENGTH = 160;

export interface FilledMessage {
  email_subject: string;
  email_body: string;
  sms_body: string;
}

const REASON_TEXT: Record<string, string> = {
  WEATHER: 'weather',
  MECHANICAL: 'a mechanical issue',
  CREW: 'crew availability',
  ATC: 'air traffic control restrictions',
  SECURITY: 'a security check',
  OTHER: 'operational reasons',
};

/** `2025-01-15T08:25:00-06:00` → `08:25`: times stay in the airport's local time. */
export function localTime(iso: string): string {
  return iso.slice(11, 16);
}

export function localDate(iso: string): string {
  return iso.slice(0, 10);
}

/** 25 → "25 minutes"; 90 → "1 hour 30 minutes"; 180 → "3 hours". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 1 ? '1 hour' : `${hours} hours`;
  const m = rest === 1 ? '1 minute' : `${rest} minutes`;
  if (hours === 0) return m;
  return rest === 0 ? h : `${h} ${m}`;
}

/** The value of every placeholder this passenger's message can use for this disruption. */
export function placeholderValues(
  passenger: Passenger,
  booking: Booking,
  disruption: Disruption,
): Partial<Record<Placeholder, string>> {
  const d = disruption.detail;
  const requests = booking.special_requests.map((r) => SPECIAL_REQUEST_WORDS[r]);
  const values: Partial<Record<Placeholder, string>> = {
    first_name: passenger.first_name,
    flight_id: d.flight_id,
    origin: d.flight_details.origin,
    destination: d.flight_details.destination,
    departure_date: localDate(d.flight_details.original_departure),
    original_departure_time: localTime(d.flight_details.original_departure),
    gate: d.flight_details.gate,
    seat: booking.seat,
    confirmation_number: booking.confirmation_number,
  };
  if (requests.length > 0) values.special_assistance = requests.join(' and ');
  switch (disruption.kind) {
    case 'DELAY':
      values.new_departure_time = localTime(disruption.detail.new_departure);
      values.new_arrival_time = localTime(disruption.detail.new_arrival);
      values.delay_duration = formatDuration(disruption.detail.delay_minutes);
      values.reason_text = REASON_TEXT[disruption.detail.reason] ?? 'operational reasons';
      break;
    case 'CANCELLATION':
      values.reason_text = REASON_TEXT[disruption.detail.reason] ?? 'operational reasons';
      break;
    case 'GATE_CHANGE':
      values.old_gate = disruption.detail.old_gate;
      values.new_gate = disruption.detail.new_gate;
      values.gate = disruption.detail.new_gate;
      break;
  }
  return values;
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
