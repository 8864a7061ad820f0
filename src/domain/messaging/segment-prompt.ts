import { z } from 'zod';
import { describeIssues } from '../records/describe-issues.ts';
import type { MessageSegment } from './message-segment.ts';
import { type MessageTemplate, PLACEHOLDERS } from './message-templates.ts';
import type { LanguagePack } from './templates/language-pack.ts';
import { languagePack } from './templates/language-packs.ts';

/** What the model is asked, as text: one system prompt, one user prompt per segment. */
export interface SegmentPrompt {
  system: string;
  user: string;
}

const PLACEHOLDERS_BY_TYPE: Record<MessageSegment['messageType'], readonly string[]> = {
  DELAY_NOTIFICATION: PLACEHOLDERS.filter((p) => !['old_gate', 'new_gate', 'airport'].includes(p)),
  CANCELLATION_NOTIFICATION: PLACEHOLDERS.filter(
    (p) =>
      ![
        'old_gate',
        'new_gate',
        'new_departure_time',
        'new_arrival_time',
        'delay_duration',
        'airport',
      ].includes(p),
  ),
  GATE_CHANGE_NOTIFICATION: PLACEHOLDERS.filter(
    (p) =>
      ![
        'new_departure_time',
        'new_arrival_time',
        'delay_duration',
        'reason_text',
        'rights',
        'rights_sms',
        'airport',
      ].includes(p),
  ),
};

/** Tone by severity, in the words the checker looks for in the segment's language. */
function toneOf(segment: MessageSegment, pack: LanguagePack): string {
  const sorry = `"${pack.rules.apologyPhrase}"`;
  const urgent = `"${pack.rules.urgent}"`;
  switch (segment.severity) {
    case 'MINOR':
      return 'informative and calm: a short delay; do not apologise. Give {{new_departure_time}} in the email and the SMS';
    case 'MAJOR':
      return `apologetic in the email (say ${sorry}) and helpful. Give {{new_departure_time}} in the email and the SMS`;
    case 'SEVERE':
      return `clearly apologetic in the email and the SMS (say ${sorry}), acknowledging the disruption to their plans. Give {{new_departure_time}} in the email and the SMS`;
    case 'CANCELLED':
      return `apologetic in the email and the SMS (say ${sorry}); the booking is marked for rebooking and an agent at the airport or on the phone can rebook them`;
    case 'TERMINAL':
      return `urgent: start the SMS with ${urgent}, write ${urgent} in the email too, say the new gate {{new_gate}} is in another terminal`;
    case 'GATE':
      return `informative: the gate changed to {{new_gate}}, the departure time did not; never write ${urgent}`;
  }
}

const KIND_OF = {
  DELAY_NOTIFICATION: 'DELAY',
  CANCELLATION_NOTIFICATION: 'CANCELLATION',
  GATE_CHANGE_NOTIFICATION: 'GATE_CHANGE',
} as const;

function tierOf(segment: MessageSegment, pack: LanguagePack): string {
  if (segment.tier === 'MEMBER') return 'a MEMBER: no tier, "A-List" or priority language at all';
  const name =
    segment.tier === 'A-LIST' ? '"A-List" (never "A-List Preferred")' : '"A-List Preferred"';
  const example = pack.tierSms[segment.tier][KIND_OF[segment.messageType]];
  return `a member of the tier ${name}: the email and the SMS both name the tier with its priority, e.g. "${example}"`;
}

function assistanceOf(segment: MessageSegment): string {
  if (segment.assistance === 'NONE')
    return 'none: do not mention any assistance, {{special_assistance}} or {{assistance}}';
  const sms =
    segment.messageType === 'GATE_CHANGE_NOTIFICATION'
      ? '; the passenger must get to the new gate, so the SMS also names {{assistance}} and that it meets them there'
      : '';
  return `${segment.assistance.toLowerCase().replace('_', ' ')}: the email names {{special_assistance}} and what happens to it${sms}`;
}

/** The model's answer: only the parts of the segment's channels, validated. */
export function composedMessageSchema(segment: MessageSegment) {
  const email = segment.channels !== 'SMS';
  const sms = segment.channels !== 'EMAIL';
  return z.object({
    email_subject: email ? z.string().min(5).max(200) : z.string().optional(),
    email_body: email ? z.string().min(40).max(4000) : z.string().optional(),
    sms_body: sms ? z.string().min(10).max(220) : z.string().optional(),
  });
}

/**
 * The prompt for one segment, asking for the passenger's language. The model writes the message
 * with placeholders; it never sees a passenger's personal data, and every fact comes from a
 * placeholder, so nothing is invented (times are filled in the airport's local time and zone).
 */
export function segmentPrompt(segment: MessageSegment): SegmentPrompt {
  const pack = languagePack(segment.language);
  const allowed = PLACEHOLDERS_BY_TYPE[segment.messageType].map((p) => `{{${p}}}`).join(', ');
  const parts = [
    segment.channels !== 'SMS'
      ? `"email_subject" (one line) and "email_body" (a greeting with {{first_name}}, 2–3 short paragraphs, then a paragraph starting exactly "${pack.rules.nextSteps}", then a sign-off)`
      : '',
    segment.channels !== 'EMAIL'
      ? '"sms_body" (at most 120 characters before filling, with {{first_name}} in it)'
      : '',
  ].filter(Boolean);
  const system = [
    'You write flight-disruption notifications for an airline, as templates with placeholders.',
    'Answer with one JSON object and nothing else.',
    `Use only these placeholders, written exactly as shown: ${allowed}. Never write a fact (a time, a gate, a name, a number) that a placeholder holds; times are filled in the airport's local time with its zone.`,
    'Address the passenger by {{first_name}}. Always mention {{flight_id}}.',
    'Never promise compensation, refunds, vouchers, free services, upgrades or guarantees, and never write an amount of money.',
    'Offer only next steps the airline offers: going to the gate, an agent at the airport or on the phone, another message if the time changes. Never say options will be sent, and never mention an app or a website.',
    ...(segment.messageType === 'GATE_CHANGE_NOTIFICATION'
      ? []
      : [
          'The passenger\'s legal rights are stated for you: end the "Next steps:" paragraph of the email with {{rights}} and the SMS with {{rights_sms}}, directly after the last full stop with no space; either may be empty.',
        ]),
  ].join('\n');
  const user = [
    `Language: write every part in ${pack.name} (${pack.language}). {{reason_text}} is already in ${pack.name}, e.g. "${pack.reasons.WEATHER}".`,
    `Message type: ${segment.messageType}.`,
    `Tone: ${toneOf(segment, pack)}.`,
    `The passenger is ${tierOf(segment, pack)}.`,
    `Assistance: ${assistanceOf(segment)}.`,
    `Write ${parts.join(' and ')}.`,
    `Segment: ${JSON.stringify(segment)}`,
  ].join('\n');
  return { system, user };
}

export class ComposedMessageError extends Error {
  override name = 'ComposedMessageError';
}

/** Reads the model's answer: the first JSON object in it (code fences allowed), validated. */
export function parseComposedMessage(text: string, segment: MessageSegment): MessageTemplate {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) throw new ComposedMessageError('answer holds no JSON object');
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch (error) {
    throw new ComposedMessageError(`answer is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = composedMessageSchema(segment).safeParse(json);
  if (!parsed.success) {
    throw new ComposedMessageError(
      `answer does not match the schema: ${describeIssues(parsed.error)}`,
    );
  }
  return {
    email_subject: parsed.data.email_subject ?? '',
    email_body: parsed.data.email_body ?? '',
    sms_body: parsed.data.sms_body ?? '',
  };
}
