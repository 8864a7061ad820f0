import type { DisruptionKind } from '../disruptions/disruption.ts';
import type { Language, Tier } from '../records/passenger.ts';
import type { MessageSegment } from './message-segment.ts';
import { languagePack } from './templates/language-packs.ts';

/** A message with `{{placeholders}}` for the passenger's and the flight's own details. */
export interface MessageTemplate {
  email_subject: string;
  email_body: string;
  sms_body: string;
}

/** Every placeholder a template may use; fill-message.ts supplies each one. */
export const PLACEHOLDERS = [
  'first_name',
  'flight_id',
  'origin',
  'destination',
  'departure_date',
  'original_departure_time',
  'new_departure_time',
  'new_arrival_time',
  'delay_duration',
  'reason_text',
  'gate',
  'old_gate',
  'new_gate',
  'seat',
  'confirmation_number',
  'special_assistance',
  'assistance',
  /** The passenger's rights as the rights engine computed them: a paragraph, or empty. */
  'rights',
  /** The same rights in one short line for the SMS, or empty. */
  'rights_sms',
  /** The airport whose weather may affect the flight (weather heads-up only). */
  'airport',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

function paragraphs(...parts: string[]): string {
  return parts.filter((p) => p.length > 0).join('\n\n');
}

function sentences(...parts: string[]): string {
  return parts.filter((p) => p.length > 0).join(' ');
}

const KIND_OF: Record<MessageSegment['severity'], DisruptionKind> = {
  MINOR: 'DELAY',
  MAJOR: 'DELAY',
  SEVERE: 'DELAY',
  CANCELLED: 'CANCELLATION',
  GATE: 'GATE_CHANGE',
  TERMINAL: 'GATE_CHANGE',
};

/**
 * The template messages for a segment, in the segment's language. Always available, with no
 * model: the fallback every other messenger falls back to. The email carries the tier and the
 * assistance sentences; the SMS carries the tier sentence, and the assistance sentence when the
 * passenger must move to a new gate.
 */
export function templateFor(segment: MessageSegment): MessageTemplate {
  const pack = languagePack(segment.language);
  const kind = KIND_OF[segment.severity];
  const text = pack.severities[segment.severity];
  return {
    email_subject: text.email_subject,
    email_body: paragraphs(
      text.greeting,
      text.situation,
      sentences(pack.tierEmail[segment.tier][kind], pack.assistanceEmail[segment.assistance][kind]),
      // The rights paragraph follows the next steps; it is empty where no right applies.
      kind === 'GATE_CHANGE' ? text.next_steps : `${text.next_steps}{{rights}}`,
      pack.signOff,
    ),
    // The rights line (SMS-only passengers) comes before the tier sentence it outranks.
    sms_body: sentences(
      kind === 'GATE_CHANGE' ? text.sms : `${text.sms}{{rights_sms}}`,
      pack.tierSms[segment.tier][kind],
      kind === 'GATE_CHANGE' ? pack.assistanceSms[segment.assistance] : '',
    ),
  };
}

/** The weather heads-up in a language, for a tier: nothing has changed yet. */
export function headsUpTemplate(
  language: Language,
  tier: Tier,
  hasAssistance: boolean,
): MessageTemplate {
  const pack = languagePack(language);
  const text = pack.headsUp;
  return {
    email_subject: text.email_subject,
    email_body: paragraphs(
      text.greeting,
      text.situation,
      sentences(text.tierEmail[tier], hasAssistance ? text.assistance : ''),
      text.next_steps,
      pack.signOff,
    ),
    sms_body: sentences(text.sms, text.tierSms[tier]),
  };
}
