import type { DelayCategory } from '../disruptions/categorize-delay.ts';
import type { Channel, MessageType } from '../event-routing/bus-events.ts';
import type { SpecialRequest } from '../records/booking.ts';
import type { Tier } from '../records/passenger.ts';

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

/** Words a passenger reads for each special request. */
export const SPECIAL_REQUEST_WORDS: Record<SpecialRequest, string> = {
  WHEELCHAIR_ASSISTANCE: 'wheelchair assistance',
  VISUAL_ASSISTANCE: 'visual assistance',
  HEARING_ASSISTANCE: 'hearing assistance',
  UNACCOMPANIED_MINOR: 'unaccompanied minor service',
  TRAVELLING_WITH_INFANT: 'infant travel arrangements',
  SERVICE_ANIMAL: 'service animal arrangements',
  SPECIAL_MEAL: 'special meal',
  EXTRA_SEAT: 'extra seat',
};

/** The assistance class that matters most for a disruption message. */
export function assistanceClassOf(requests: readonly SpecialRequest[]): AssistanceClass {
  const classes = new Set(requests.map((r) => ASSISTANCE_OF[r]));
  return ASSISTANCE_ORDER.find((c) => classes.has(c)) ?? 'NONE';
}

/** The channels a segment's passengers are told on; only those parts are composed. */
export type ChannelSet = 'EMAIL' | 'SMS' | 'EMAIL+SMS';

export function channelSetOf(channels: readonly Channel[]): ChannelSet | undefined {
  const email = channels.includes('EMAIL');
  const sms = channels.includes('SMS');
  return email && sms ? 'EMAIL+SMS' : email ? 'EMAIL' : sms ? 'SMS' : undefined;
}

/**
 * A message segment: message type × severity × tier × assistance class × channel set.
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
}

export function segmentKey(segment: MessageSegment): string {
  return [
    segment.messageType,
    segment.severity,
    segment.tier,
    segment.assistance,
    segment.channels,
  ].join('|');
}
