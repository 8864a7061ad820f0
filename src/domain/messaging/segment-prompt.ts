import { z } from 'zod';
import { describeIssues } from '../records/describe-issues.ts';
import type { MessageSegment } from './message-segment.ts';
import { type MessageTemplate, PLACEHOLDERS } from './message-templates.ts';

/** What the model is asked, as text: one system prompt, one user prompt per segment. */
export interface SegmentPrompt {
  system: string;
  user: string;
}

const PLACEHOLDERS_BY_TYPE: Record<MessageSegment['messageType'], readonly string[]> = {
  DELAY_NOTIFICATION: PLACEHOLDERS.filter((p) => !['old_gate', 'new_gate'].includes(p)),
  CANCELLATION_NOTIFICATION: PLACEHOLDERS.filter(
    (p) =>
      ![
        'old_gate',
        'new_gate',
        'new_departure_time',
        'new_arrival_time',
        'delay_duration',
      ].includes(p),
  ),
  GATE_CHANGE_NOTIFICATION: PLACEHOLDERS.filter(
    (p) => !['new_departure_time', 'new_arrival_time', 'delay_duration', 'reason_text'].includes(p),
  ),
};

const TONE: Record<MessageSegment['severity'], string> = {
  MINOR: 'informative and calm: a short delay; do not apologise',
  MAJOR: 'apologetic (say "sorry") and helpful',
  SEVERE: 'clearly apologetic (say "sorry"), acknowledging the disruption to their plans',
  CANCELLED:
    'apologetic (say "sorry" in the email and the SMS); the booking is marked for rebooking and options will follow',
  TERMINAL: 'urgent: start the SMS with "URGENT" and say the new gate is in another terminal',
  GATE: 'informative: the gate changed, the departure time did not',
};

const TIER: Record<MessageSegment['tier'], string> = {
  MEMBER: 'a MEMBER: no tier or priority language at all',
  'A-LIST':
    'an A-List Member: the email must contain the exact words "As an A-List Member" with their priority (boarding, rebooking first)',
  'A-LIST_PREFERRED':
    'an A-List Preferred Member: the email must contain the exact words "As an A-List Preferred Member" with their priority and the priority support line',
};

const ASSISTANCE: Record<MessageSegment['assistance'], string> = {
  NONE: 'no special assistance: do not mention any assistance or {{special_assistance}}',
  MOBILITY:
    'mobility assistance: mention {{special_assistance}} and that the team will meet them at the gate',
  SENSORY:
    'sensory assistance: mention {{special_assistance}} and that an agent will keep them informed',
  FAMILY: 'family arrangements: mention {{special_assistance}} and that they carry over',
  SERVICE_ANIMAL:
    'a service animal: mention {{special_assistance}} and that the arrangements carry over',
};

/** The model's answer: only the parts of the segment's channels, validated. */
export function composedMessageSchema(segment: MessageSegment) {
  const email = segment.channels !== 'SMS';
  const sms = segment.channels !== 'EMAIL';
  return z.object({
    email_subject: email ? z.string().min(5).max(200) : z.string().optional(),
    email_body: email ? z.string().min(40).max(4000) : z.string().optional(),
    sms_body: sms ? z.string().min(10).max(200) : z.string().optional(),
  });
}

/**
 * The prompt for one segment. The model writes the message with placeholders; it never sees a
 * passenger's personal data, and every fact comes from a placeholder, so nothing is invented.
 */
export function segmentPrompt(segment: MessageSegment): SegmentPrompt {
  const allowed = PLACEHOLDERS_BY_TYPE[segment.messageType].map((p) => `{{${p}}}`).join(', ');
  const parts = [
    segment.channels !== 'SMS'
      ? '"email_subject" (one line) and "email_body" (2–3 short paragraphs, then a line starting "Next steps:", then a sign-off)'
      : '',
    segment.channels !== 'EMAIL'
      ? '"sms_body" (at most 130 characters before filling, starting with {{first_name}} or "URGENT {{first_name}}")'
      : '',
  ].filter(Boolean);
  const system = [
    'You write flight-disruption notifications for an airline, as templates with placeholders.',
    'Answer with one JSON object and nothing else.',
    `Use only these placeholders, written exactly as shown: ${allowed}. Never write a fact (a time, a gate, a name, a number) that a placeholder holds.`,
    'Address the passenger by {{first_name}}. Always mention {{flight_id}}.',
    'Never promise compensation, refunds, vouchers, free services, upgrades or guarantees.',
  ].join('\n');
  const user = [
    `Message type: ${segment.messageType}.`,
    `Tone: ${TONE[segment.severity]}.`,
    `The passenger is ${TIER[segment.tier]}.`,
    `Assistance: ${ASSISTANCE[segment.assistance]}.`,
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
