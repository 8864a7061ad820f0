import type { Disruption } from '../disruptions/disruption.ts';
import { type Booking, SPECIAL_REQUESTS } from '../records/booking.ts';
import type { Flight } from '../records/flight.ts';
import type { Passenger, Tier } from '../records/passenger.ts';
import { isWrittenIn } from './detect-language.ts';
import {
  type FilledMessage,
  localTimesOf,
  placeholderValues,
  SMS_MAX_LENGTH,
} from './fill-message.ts';
import { headsUpValues } from './heads-up.ts';
import { assistanceRequests, primaryRequest } from './message-segment.ts';
import type { Placeholder } from './message-templates.ts';
import type { LanguagePack } from './templates/language-pack.ts';
import { languagePack } from './templates/language-packs.ts';

type Channel = 'email' | 'SMS';

/**
 * What every rule needs: the passenger's language, the facts of the message, and the disruption
 * it tells of (none for a weather heads-up, where nothing has changed yet).
 */
interface RuleContext {
  pack: LanguagePack;
  passenger: Passenger;
  booking: Booking;
  flightId: string;
  disruption?: Disruption;
  values: Partial<Record<Placeholder, string>>;
}

/**
 * Checks a passenger's message against the rules of the specification, in the passenger's
 * language, and returns every rule it breaks (an empty list means it passes): language, first
 * name, tier language (email and SMS), special requests where they matter to the change, tone
 * by severity, next steps the system offers, local times with their zone, no forbidden promise,
 * SMS within 160 characters. Works on template and model output alike.
 */
export function checkMessage(
  message: Partial<FilledMessage>,
  passenger: Passenger,
  booking: Booking,
  disruption: Disruption,
): string[] {
  return checkAgainst(message, {
    pack: languagePack(passenger.language),
    passenger,
    booking,
    flightId: disruption.detail.flight_id,
    disruption,
    values: placeholderValues(passenger, booking, disruption),
  });
}

/**
 * Checks a weather heads-up the same way: language, first name, tier language, local time, no
 * promise, no next step the system does not offer, and a calm tone (no apology, no urgency).
 */
export function checkHeadsUp(
  message: Partial<FilledMessage>,
  passenger: Passenger,
  booking: Booking,
  flight: Flight,
  airport: string,
): string[] {
  return checkAgainst(message, {
    pack: languagePack(passenger.language),
    passenger,
    booking,
    flightId: flight.flight_id,
    values: headsUpValues(passenger, booking, flight, airport),
  });
}

function checkAgainst(message: Partial<FilledMessage>, context: RuleContext): string[] {
  const email =
    message.email_body !== undefined
      ? `${message.email_subject ?? ''}\n${message.email_body}`
      : undefined;
  const sms = message.sms_body;
  const problems: string[] = [];
  for (const [channel, text] of [
    ['email', email],
    ['SMS', sms],
  ] as const) {
    if (text !== undefined) problems.push(...commonRules(channel, text, context));
  }
  if (email !== undefined) problems.push(...emailRules(email, context));
  if (sms !== undefined) problems.push(...smsRules(sms, context));
  problems.push(...toneRules(email, sms, context));
  return problems;
}

/** Rules for any part: language, placeholders, promises, next steps, times, tier. */
function commonRules(channel: Channel, text: string, context: RuleContext): string[] {
  const { pack } = context;
  const problems: string[] = [];
  // The passenger's name is not prose: a name is no promise, no app, and no language; shortened
  // to fit an SMS ("Aàapp…") it must not read as one either.
  const { first_name: name } = context.passenger;
  const prose = text.replaceAll(nameAsWritten(text, name) ?? name, ' ');
  if (!isWrittenIn(prose, pack.language)) problems.push(`${channel} is not in ${pack.name}`);
  if (/\{\{|\}\}/.test(text)) problems.push(`${channel} has an unfilled placeholder`);
  const english = languagePack('en').rules;
  if ([...pack.rules.forbiddenPromises, ...english.forbiddenPromises].some((re) => re.test(prose)))
    problems.push('promises what policy does not allow');
  if (pack.rules.unofferedSteps.some((re) => re.test(prose)))
    problems.push(`${channel} offers a next step the system does not offer`);
  const allowed = localTimesOf(context.values);
  for (const match of text.matchAll(/\b\d{1,2}:\d{2}\b/g)) {
    if (!allowed.some((t) => text.startsWith(t, match.index)))
      problems.push(`${channel} shows ${match[0]} not as the airport's local time with its zone`);
  }
  problems.push(...tierRules(channel, text, context.passenger.tier, pack));
  return problems;
}

/** A-List and A-List Preferred get their tier's name and its priority; members get neither. */
function tierRules(channel: string, text: string, tier: Tier, pack: LanguagePack): string[] {
  if (tier === 'MEMBER')
    return /A-List/.test(text) ? [`${channel} uses priority language for a MEMBER`] : [];
  const preferred = text.includes('A-List Preferred');
  const named = tier === 'A-LIST_PREFERRED' ? preferred : text.includes('A-List') && !preferred;
  const label = tier === 'A-LIST_PREFERRED' ? 'A-List Preferred' : 'A-List';
  return named && pack.rules.priority.test(text)
    ? []
    : [`${channel} misses ${label} priority language`];
}

function includesWords(text: string, words: string): boolean {
  return text.toLowerCase().includes(words.toLowerCase());
}

function emailRules(email: string, context: RuleContext): string[] {
  const { pack, passenger, booking } = context;
  const problems: string[] = [];
  if (!email.includes(passenger.first_name)) problems.push('email misses first name');
  if (!email.includes(pack.rules.nextSteps)) problems.push('email misses next steps');
  const needed = assistanceRequests(booking.special_requests);
  for (const request of SPECIAL_REQUESTS) {
    const words = pack.requestWords[request];
    if (needed.includes(request) && !includesWords(email, words))
      problems.push(`email misses ${words}`);
    if (!booking.special_requests.includes(request) && includesWords(email, words))
      problems.push(`mentions ${words} not requested`);
  }
  return problems;
}

/** The first name as `text` writes it: whole, or shortened as fill-message does when it would not fit. */
function nameAsWritten(text: string, firstName: string): string | undefined {
  if (text.includes(firstName)) return firstName;
  for (let keep = firstName.length - 1; keep >= 1; keep--) {
    const shortened = `${firstName.slice(0, keep)}…`;
    if (text.includes(shortened)) return shortened;
  }
  return undefined;
}

function smsRules(sms: string, context: RuleContext): string[] {
  const { pack, passenger, booking, disruption } = context;
  const problems: string[] = [];
  if (sms.length > SMS_MAX_LENGTH) problems.push('SMS longer than 160 characters');
  if (!sms.includes(context.flightId)) problems.push('SMS misses the flight');
  if (nameAsWritten(sms, passenger.first_name) === undefined)
    problems.push('SMS misses first name');
  const primary = primaryRequest(booking.special_requests);
  // The passenger must get to a new gate: the SMS says the assistance goes with them.
  if (
    disruption?.kind === 'GATE_CHANGE' &&
    primary &&
    !includesWords(sms, pack.requestShort[primary])
  )
    problems.push(`SMS misses ${pack.requestShort[primary]}`);
  for (const request of SPECIAL_REQUESTS) {
    const words = pack.requestShort[request];
    if (!booking.special_requests.includes(request) && includesWords(sms, words))
      problems.push(`SMS mentions ${words} not requested`);
  }
  return problems;
}

/** The tone a severity calls for on a channel: must (true) or must not (false) apologise or urge. */
interface Tone {
  apology?: boolean;
  urgent?: boolean;
}

function toneOf(disruption: Disruption | undefined, channel: Channel): Tone {
  // A heads-up tells of weather that may come: calm, neither sorry nor urgent.
  if (!disruption) return { apology: false, urgent: false };
  switch (disruption.kind) {
    case 'DELAY':
      switch (disruption.detail.delay_category) {
        case 'MINOR':
          return { apology: false };
        case 'MAJOR':
          return channel === 'email' ? { apology: true } : {};
        case 'SEVERE':
          return { apology: true };
      }
      break;
    case 'CANCELLATION':
      return { apology: true };
    case 'GATE_CHANGE':
      return { urgent: disruption.detail.terminal_change };
  }
}

/** Tone by severity, and the one fact each kind of change must state. */
function toneRules(
  email: string | undefined,
  sms: string | undefined,
  context: RuleContext,
): string[] {
  const { pack, disruption, values } = context;
  const problems: string[] = [];
  for (const [channel, text] of [
    ['email', email],
    ['SMS', sms],
  ] as const) {
    if (text === undefined) continue;
    const tone = toneOf(disruption, channel);
    const apologises = pack.rules.apology.test(text);
    const urges = text.includes(pack.rules.urgent);
    if (tone.apology === true && !apologises) problems.push(`${channel} is not apologetic`);
    if (tone.apology === false && apologises) problems.push(`${channel} apologises needlessly`);
    if (tone.urgent === true && !urges) problems.push(`${channel}: terminal change is not urgent`);
    if (tone.urgent === false && urges) problems.push(`${channel} is urgent needlessly`);
    if (disruption?.kind === 'GATE_CHANGE' && !text.includes(disruption.detail.new_gate))
      problems.push(`${channel} misses the new gate`);
    if (values.new_departure_time && !text.includes(values.new_departure_time))
      problems.push(`${channel} misses the new departure time`);
  }
  return problems;
}
