import type { Booking } from './booking.ts';
import type { Disruption } from './disruption.ts';
import { type FilledMessage, SMS_MAX_LENGTH } from './fill-message.ts';
import { SPECIAL_REQUEST_WORDS } from './message-segment.ts';
import type { Passenger } from './passenger.ts';

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
  message: FilledMessage,
  passenger: Passenger,
  booking: Booking,
  disruption: Disruption,
): string[] {
  const problems: string[] = [];
  const all = `${message.email_subject}\n${message.email_body}\n${message.sms_body}`;
  if (/\{\{|\}\}/.test(all)) problems.push('unfilled placeholder');
  if (message.sms_body.length > SMS_MAX_LENGTH) problems.push('SMS longer than 160 characters');
  if (!message.email_body.includes(passenger.first_name)) problems.push('email misses first name');
  if (!message.email_body.includes(disruption.detail.flight_id))
    problems.push('email misses flight');
  if (passenger.tier !== 'MEMBER') {
    const words = passenger.tier === 'A-LIST' ? 'A-List Member' : 'A-List Preferred Member';
    if (!message.email_body.includes(words))
      problems.push(`email misses ${words} priority language`);
  } else if (/A-List/.test(message.email_body)) {
    problems.push('priority language for a MEMBER');
  }
  for (const request of booking.special_requests) {
    const words = SPECIAL_REQUEST_WORDS[request];
    const relevant = request !== 'SPECIAL_MEAL' && request !== 'EXTRA_SEAT';
    if (relevant && !message.email_body.includes(words)) problems.push(`email misses ${words}`);
  }
  for (const words of Object.values(SPECIAL_REQUEST_WORDS)) {
    const has = booking.special_requests.some((r) => SPECIAL_REQUEST_WORDS[r] === words);
    if (!has && message.email_body.includes(words))
      problems.push(`mentions ${words} not requested`);
  }
  if (!/Next steps:/.test(message.email_body)) problems.push('email misses next steps');
  if (FORBIDDEN_PROMISES.some((re) => re.test(all)))
    problems.push('promises what policy does not allow');
  switch (disruption.kind) {
    case 'CANCELLATION':
      if (!/sorry/i.test(message.email_body) || !/sorry/i.test(message.sms_body)) {
        problems.push('cancellation is not apologetic');
      }
      break;
    case 'GATE_CHANGE':
      if (disruption.detail.terminal_change && !/URGENT/.test(message.sms_body)) {
        problems.push('terminal change SMS is not urgent');
      }
      if (!all.includes(disruption.detail.new_gate)) problems.push('misses the new gate');
      break;
    case 'DELAY':
      if (disruption.detail.delay_category === 'MINOR' && /sorry/i.test(message.email_body)) {
        problems.push('minor delay should be informative, not apologetic');
      }
      if (disruption.detail.delay_category !== 'MINOR' && !/sorry/i.test(message.email_body)) {
        problems.push('major or severe delay is not apologetic');
      }
      break;
  }
  return problems;
}
