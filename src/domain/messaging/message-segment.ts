import type { DelayCategory } from '../disruptions/categorize-delay.ts';
import { type Disruption, messageTypeOf, severityOf } from '../disruptions/disruption.ts';
import type { Channel, MessageType } from '../event-routing/bus-events.ts';
import type { Booking, SpecialRequest } from '../records/booking.ts';
import type { Language, Passenger, Tier } from '../records/passenger.ts';

/** How serious the disruption is, which sets the tone of the message. */
export type Severity = DelayCategory | 'CANCELLED' | 'GATE' | 'TERMINAL';

/** Assistance classes group special requests that call for the same sentence. */
export type AssistanceClass = 'NONE' | 'MOBILITY' | 'SENSORY' | 'FAMILY' | 'SERVICE_ANIMAL';

const ASSISTANCE_OF: Record<SpecialRequest, AssistanceClass> = {
  WHEELCHAIR_ASSISTANCE: 'MOBILITY',
  VISUAL_ASSISTANCE: 'SENSORY',
  HEARING_ASSISTANCE: 'SENSORY',
  UNACCOMPANIED_MINOR: 'FAMILY',
  TRAVELLING_WITH_INFANT: 'FAMILY',
  SERVICE_ANIMAL: 'SERVICE_ANIMAL',
  SPECIAL_MEAL: 'NONE',
  EXTRA_SEAT: 'NONE',
};
const ASSISTANCE_ORDER: AssistanceClass[] = ['MOBILITY', 'SENSORY', 'FAMILY', 'SERVICE_ANIMAL'];

/** The assistance class that matters most for a disruption message. */
export function assistanceClassOf(requests: readonly SpecialRequest[]): AssistanceClass {
  const classes = new Set(requests.map((r) => ASSISTANCE_OF[r]));
  return ASSISTANCE_ORDER.find((c) => classes.has(c)) ?? 'NONE';
}

/** The requests that call for assistance (a special meal or an extra seat does not). */
export function assistanceRequests(requests: readonly SpecialRequest[]): SpecialRequest[] {
  return requests.filter((r) => ASSISTANCE_OF[r] !== 'NONE');
}

/** The request that sets the assistance class: the one an SMS names. */
export function primaryRequest(requests: readonly SpecialRequest[]): SpecialRequest | undefined {
  const assistance = assistanceClassOf(requests);
  return requests.find((r) => ASSISTANCE_OF[r] === assistance && assistance !== 'NONE');
}

/**
 * The forms a segment's passengers are told in; only those parts are composed. `SMS` is the short
 * form (≤ 160 characters), sent by SMS or, to passengers with the app, by push.
 */
export type ChannelSet = 'EMAIL' | 'SMS' | 'EMAIL+SMS';

export function channelSetOf(channels: readonly Channel[]): ChannelSet | undefined {
  const email = channels.includes('EMAIL');
  const sms = channels.includes('SMS') || channels.includes('PUSH');
  return email && sms ? 'EMAIL+SMS' : email ? 'EMAIL' : sms ? 'SMS' : undefined;
}

/**
 * A message segment: message type × severity × tier × assistance class × channel set × language.
 * Passengers in one segment get the same message and differ only in their own details
 * (first name, seat, confirmation, special requests, the flight's facts), which fill the
 * segment's placeholders; so a segment is composed once per event and filled per passenger.
 */
export interface MessageSegment {
  messageType: MessageType;
  severity: Severity;
  tier: Tier;
  assistance: AssistanceClass;
  channels: ChannelSet;
  language: Language;
}

export function segmentKey(segment: MessageSegment): string {
  return [
    segment.messageType,
    segment.severity,
    segment.tier,
    segment.assistance,
    segment.channels,
    segment.language,
  ].join('|');
}

/** The segment a passenger's message belongs to, told on the given channels. */
export function segmentOf(
  passenger: Passenger,
  booking: Booking,
  disruption: Disruption,
  channels: ChannelSet,
): MessageSegment {
  return {
    messageType: messageTypeOf(disruption),
    severity: severityOf(disruption),
    tier: passenger.tier,
    assistance: assistanceClassOf(booking.special_requests),
    channels,
    language: passenger.language,
  };
}
