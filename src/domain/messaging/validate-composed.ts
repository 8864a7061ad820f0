import type { Disruption } from '../disruptions/disruption.ts';
import type { Booking, SpecialRequest } from '../records/booking.ts';
import type { Passenger } from '../records/passenger.ts';
import { checkRights, withoutStatement } from '../rights/check-rights.ts';
import {
  type RightsStatement,
  rightsStatement,
  statementForChannels,
} from '../rights/rights-statement.ts';
import { checkMessage } from './check-message.ts';
import { fillMessage, placeholderValues, UnfilledPlaceholderError } from './fill-message.ts';
import type { AssistanceClass, MessageSegment } from './message-segment.ts';
import type { MessageTemplate } from './message-templates.ts';

const REQUEST_OF: Record<AssistanceClass, SpecialRequest[]> = {
  NONE: [],
  MOBILITY: ['WHEELCHAIR_ASSISTANCE'],
  SENSORY: ['HEARING_ASSISTANCE'],
  FAMILY: ['TRAVELLING_WITH_INFANT'],
  SERVICE_ANIMAL: ['SERVICE_ANIMAL'],
};

/** A stand-in passenger of the segment with a long first name, to test a template before use. */
function probe(segment: MessageSegment): { passenger: Passenger; booking: Booking } {
  return {
    passenger: {
      passenger_id: 'P000',
      first_name: 'Alexandrina',
      last_name: 'Probe',
      email: 'probe@example.com',
      phone: '+15550000000',
      rapid_rewards_number: 'RR0',
      tier: segment.tier,
      language: segment.language,
      notification_preferences: { email: true, sms: true, push: false },
    },
    booking: {
      booking_id: 'B000',
      passenger_id: 'P000',
      flight_id: 'SW0000',
      confirmation_number: 'ABC123',
      seat: '12C',
      fare_class: 'WGA',
      booking_status: 'CONFIRMED',
      checked_in: false,
      bags_checked: 0,
      special_requests: REQUEST_OF[segment.assistance],
      created_at: '2025-01-01T00:00:00Z',
    },
  };
}

/**
 * The rights a stand-in passenger of a delay or cancellation is told: long-haul compensation,
 * refund and full care, the longest statement there is for one regime.
 */
function probeRights(disruption: Disruption, segment: MessageSegment): RightsStatement {
  if (disruption.kind === 'GATE_CHANGE') return { email: '', sms: '' };
  const statement = rightsStatement(
    [
      {
        regime: 'EU261',
        applies: true,
        compensation: { amount: 600, currency: 'EUR' },
        refund: true,
        care: ['MEALS', 'COMMUNICATION', 'HOTEL', 'HOTEL_TRANSPORT'],
      },
    ],
    segment.language,
    'https://claims.example/claim?booking=B000',
  );
  // The SMS rights line is checked per passenger once filled (its length depends on the name).
  return { email: statementForChannels(statement, segment.channels.split('+')).email, sms: '' };
}

/** The model must leave room for the rights: {{rights}} in the email, {{rights_sms}} in an SMS-only message. */
function rightsPlaceholders(template: MessageTemplate, segment: MessageSegment): string[] {
  if (segment.messageType === 'GATE_CHANGE_NOTIFICATION') return [];
  const problems: string[] = [];
  if (segment.channels !== 'SMS' && !template.email_body.includes('{{rights}}'))
    problems.push('email leaves out {{rights}}');
  if (segment.channels === 'SMS' && !template.sms_body.includes('{{rights_sms}}'))
    problems.push('SMS leaves out {{rights_sms}}');
  return problems;
}

/**
 * Everything wrong with a composed template for a segment, found by filling it for a stand-in
 * passenger and running the personalisation rules: an unknown or unfilled placeholder, an SMS
 * that needs shortening, a promise the policy does not allow, a special request the passenger
 * does not have, missing priority language, the wrong tone. Empty means usable.
 */
export function validateComposed(
  template: MessageTemplate,
  segment: MessageSegment,
  disruption: Disruption,
): string[] {
  const { passenger, booking } = probe(segment);
  const rights = probeRights(disruption, segment);
  const values = placeholderValues(passenger, booking, disruption, rights);
  let filled: ReturnType<typeof fillMessage>;
  try {
    filled = fillMessage(template, values);
  } catch (error) {
    if (error instanceof UnfilledPlaceholderError) return [error.message];
    throw error;
  }
  const problems: string[] = rightsPlaceholders(template, segment);
  const email = segment.channels !== 'SMS';
  const sms = segment.channels !== 'EMAIL';
  if (sms && filled.sms_body.includes('…')) problems.push('SMS does not fit 160 characters');
  const told = {
    ...(email ? { email_subject: filled.email_subject, email_body: filled.email_body } : {}),
    ...(sms ? { sms_body: filled.sms_body } : {}),
  };
  problems.push(...checkRights(told, rights));
  problems.push(...checkMessage(withoutStatement(told, rights), passenger, booking, disruption));
  return problems;
}
