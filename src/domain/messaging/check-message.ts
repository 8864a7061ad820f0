import type { Disruption } from '../disruptions/disruption.ts';
import type { Booking, SpecialRequest } from '../records/booking.ts';
import type { Passenger } from '../records/passenger.ts';
import { type FilledMessage, SMS_MAX_LENGTH } from './fill-message.ts';
import { SPECIAL_REQUEST_WORDS } from './message-segment.ts';

/** Words that would promise something the disruption policy does not grant. */
const FORBIDDEN_PROMISES = [
  /\bcompensation\b/i,
  /\brefund\b/i,
  /\bvoucher\b/i,
  /\bguarantee/i,
  /\bfree\b/i,
];

/**
 * Checks a passenger's message against the personalisation rules of the specification and
 * returns every rule it breaks (an empty list means it passes).
 */
export function checkMessage(
  message: Partial<FilledMessage>,
  passenger: Passenger,
  booking: Booking,
  disruption: Disruption,
): string[] {
  const problems: string[] = [];
  const email = message.email_body;
  const sms = message.sms_body;
  const all = [message.email_subject, email, sms].filter((t) => t !== undefined).join('\n');
  if (/\{\{|\}\}/.test(all)) problems.push('unfilled placeholder');
  if (FORBIDDEN_PROMISES.some((re) => re.test(all)))
    problems.push('promises what policy does not allow');
  if (sms !== undefined) {
    if (sms.length > SMS_MAX_LENGTH) problems.push('SMS longer than 160 characters');
    if (!sms.includes(disruption.detail.flight_id)) problems.push('SMS misses the flight');
  }
  if (email !== undefined) problems.push(...checkEmail(email, passenger, booking));
  problems.push(...checkTone(email, sms, disruption));
  return problems;
}

function checkEmail(email: string, passenger: Passenger, booking: Booking): string[] {
  const problems: string[] = [];
  if (!email.includes(passenger.first_name)) problems.push('email misses first name');
  if (passenger.tier !== 'MEMBER') {
    const words = passenger.tier === 'A-LIST' ? 'A-List Member' : 'A-List Preferred Member';
    if (!email.includes(words)) problems.push(`email misses ${words} priority language`);
  } else if (/A-List/.test(email)) {
    problems.push('priority language for a MEMBER');
  }
  for (const [request, words] of Object.entries(SPECIAL_REQUEST_WORDS)) {
    const has = booking.special_requests.includes(request as SpecialRequest);
    const relevant = request !== 'SPECIAL_MEAL' && request !== 'EXTRA_SEAT';
    if (has && relevant && !email.includes(words)) problems.push(`email misses ${words}`);
    if (!has && email.includes(words)) problems.push(`mentions ${words} not requested`);
  }
  if (!/Next steps:/.test(email)) problems.push('email misses next steps');
  return problems;
}

function checkTone(
  email: string | undefined,
  sms: string | undefined,
  disruption: Disruption,
): string[] {
  const problems: string[] = [];
  const texts = [email, sms].filter((t): t is string => t !== undefined);
  switch (disruption.kind) {
    case 'CANCELLATION':
      if (texts.some((t) => !/sorry/i.test(t))) problems.push('cancellation is not apologetic');
      break;
    case 'GATE_CHANGE':
      if (disruption.detail.terminal_change && texts.some((t) => !/URGENT/.test(t))) {
        problems.push('terminal change is not urgent');
      }
      if (texts.some((t) => !t.includes(disruption.detail.new_gate)))
        problems.push('misses the new gate');
      break;
    case 'DELAY': {
      const minor = disruption.detail.delay_category === 'MINOR';
      if (minor && email !== undefined && /sorry/i.test(email)) {
        problems.push('minor delay should be informative, not apologetic');
      }
      if (!minor && email !== undefined && !/sorry/i.test(email)) {
        problems.push('major or severe delay is not apologetic');
      }
      break;
    }
  }
  return problems;
}
