import type { DisruptionKind } from '../disruptions/disruption.ts';
import type { Tier } from '../records/passenger.ts';
import type { AssistanceClass, MessageSegment } from './message-segment.ts';

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
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const TIER_LINES: Record<Tier, Record<DisruptionKind, string>> = {
  MEMBER: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
  'A-LIST': {
    DELAY: 'As an A-List Member, your priority boarding stays in place for the new departure time.',
    CANCELLATION: 'As an A-List Member, you are among the first we rebook.',
    GATE_CHANGE: 'As an A-List Member, your priority boarding applies at the new gate.',
  },
  'A-LIST_PREFERRED': {
    DELAY:
      'As an A-List Preferred Member, your priority boarding stays in place and our priority support line is ready to help you.',
    CANCELLATION:
      'As an A-List Preferred Member, your rebooking is handled first and our priority support line is ready to help you.',
    GATE_CHANGE:
      'As an A-List Preferred Member, your priority boarding applies at the new gate and our priority support line is ready to help you.',
  },
};

const ASSISTANCE_LINES: Record<AssistanceClass, Record<DisruptionKind, string>> = {
  NONE: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
  MOBILITY: {
    DELAY:
      'Your {{special_assistance}} has been moved to the new departure time; our team will meet you at gate {{gate}}.',
    CANCELLATION: 'Your {{special_assistance}} will be carried over to your new flight.',
    GATE_CHANGE:
      'Our team knows about the change and will bring your {{special_assistance}} to gate {{new_gate}}.',
  },
  SENSORY: {
    DELAY:
      'Your {{special_assistance}} has been moved to the new departure time; an agent at gate {{gate}} will keep you informed.',
    CANCELLATION: 'Your {{special_assistance}} will be carried over to your new flight.',
    GATE_CHANGE: 'An agent will help you reach gate {{new_gate}} with your {{special_assistance}}.',
  },
  FAMILY: {
    DELAY: 'Your {{special_assistance}} stay in place for the new departure time.',
    CANCELLATION: 'Your {{special_assistance}} will be carried over to your new flight.',
    GATE_CHANGE: 'Our staff will help with your {{special_assistance}} at gate {{new_gate}}.',
  },
  SERVICE_ANIMAL: {
    DELAY: 'Your {{special_assistance}} stay in place for the new departure time.',
    CANCELLATION: 'Your {{special_assistance}} will be carried over to your new flight.',
    GATE_CHANGE: 'Your {{special_assistance}} move with you to gate {{new_gate}}.',
  },
};

const SIGN_OFF = 'Customer Care';

function paragraphs(...parts: string[]): string {
  return parts.filter((p) => p.length > 0).join('\n\n');
}

function sentences(...parts: string[]): string {
  return parts.filter((p) => p.length > 0).join(' ');
}

/**
 * The template messages for a segment. Always available, with no model: the fallback every
 * other messenger falls back to.
 */
export function templateFor(segment: MessageSegment): MessageTemplate {
  const tier = (kind: DisruptionKind) => TIER_LINES[segment.tier][kind];
  const help = (kind: DisruptionKind) => ASSISTANCE_LINES[segment.assistance][kind];
  switch (segment.severity) {
    case 'MINOR':
      return {
        email_subject: 'Flight {{flight_id}} is running {{delay_duration}} late',
        email_body: paragraphs(
          'Hi {{first_name}},',
          'A quick update: flight {{flight_id}} from {{origin}} to {{destination}} is running {{delay_duration}} late because of {{reason_text}}. It is now expected to depart at {{new_departure_time}} and arrive at {{new_arrival_time}}.',
          sentences(tier('DELAY'), help('DELAY')),
          'Next steps: no action is needed. Your seat {{seat}} is unchanged; please be at gate {{gate}} 30 minutes before the new departure time. Confirmation: {{confirmation_number}}.',
          SIGN_OFF,
        ),
        sms_body:
          '{{first_name}}, {{flight_id}} is {{delay_duration}} late, now departing {{new_departure_time}} from gate {{gate}}. No action needed.',
      };
    case 'MAJOR':
    case 'SEVERE': {
      const severe = segment.severity === 'SEVERE';
      return {
        email_subject: severe
          ? 'We are sorry: flight {{flight_id}} is delayed {{delay_duration}}'
          : 'Delay update: flight {{flight_id}} now departs at {{new_departure_time}}',
        email_body: paragraphs(
          'Dear {{first_name}},',
          severe
            ? 'We are very sorry: flight {{flight_id}} from {{origin}} to {{destination}} is delayed by {{delay_duration}} because of {{reason_text}}. We know this disrupts your plans. It is now expected to depart at {{new_departure_time}} and arrive at {{new_arrival_time}}.'
            : 'We are sorry for the wait: flight {{flight_id}} from {{origin}} to {{destination}} is delayed by {{delay_duration}} because of {{reason_text}}. It is now expected to depart at {{new_departure_time}} and arrive at {{new_arrival_time}}.',
          sentences(tier('DELAY'), help('DELAY')),
          'Next steps: follow live updates in the app. If the new time no longer works for you, an agent can review other flights with you; please quote confirmation {{confirmation_number}}.',
          SIGN_OFF,
        ),
        sms_body: severe
          ? '{{first_name}}, sorry: {{flight_id}} is delayed {{delay_duration}}, now departing {{new_departure_time}}. Check the app or see an agent for options.'
          : '{{first_name}}, {{flight_id}} is delayed {{delay_duration}}, now departing {{new_departure_time}}. Check the app for updates.',
      };
    }
    case 'CANCELLED':
      return {
        email_subject: 'We are sorry: flight {{flight_id}} on {{departure_date}} is cancelled',
        email_body: paragraphs(
          'Dear {{first_name}},',
          'We are sorry to tell you that flight {{flight_id}} from {{origin}} to {{destination}}, due to depart at {{original_departure_time}} on {{departure_date}}, has been cancelled because of {{reason_text}}. We apologise for the disruption to your journey.',
          sentences(
            'Your booking {{confirmation_number}} has been marked for rebooking.',
            tier('CANCELLATION'),
            help('CANCELLATION'),
          ),
          'Next steps: we will send you rebooking options shortly. You can also choose another flight in the app or with an agent by quoting confirmation {{confirmation_number}}.',
          SIGN_OFF,
        ),
        sms_body:
          '{{first_name}}, we are sorry: {{flight_id}} {{origin}}-{{destination}} is cancelled. Booking {{confirmation_number}} is marked for rebooking; options follow.',
      };
    case 'TERMINAL':
      return {
        email_subject:
          'URGENT: flight {{flight_id}} moved to gate {{new_gate}} in another terminal',
        email_body: paragraphs(
          '{{first_name}}, please read this now.',
          'URGENT: flight {{flight_id}} to {{destination}} now departs from gate {{new_gate}} (was {{old_gate}}). The new gate is in a different terminal.',
          sentences(tier('GATE_CHANGE'), help('GATE_CHANGE')),
          'Next steps: head to gate {{new_gate}} now and allow extra time to change terminals. Your seat {{seat}} is unchanged. Confirmation: {{confirmation_number}}.',
          SIGN_OFF,
        ),
        sms_body:
          'URGENT {{first_name}}: {{flight_id}} now departs gate {{new_gate}} (was {{old_gate}}), in another terminal. Head there now and allow extra time.',
      };
    case 'GATE':
      return {
        email_subject: 'Gate change: flight {{flight_id}} now departs from gate {{new_gate}}',
        email_body: paragraphs(
          'Hi {{first_name}},',
          'Flight {{flight_id}} to {{destination}} now departs from gate {{new_gate}} instead of {{old_gate}}. The departure time is unchanged.',
          sentences(tier('GATE_CHANGE'), help('GATE_CHANGE')),
          'Next steps: please go to gate {{new_gate}}. Your seat {{seat}} is unchanged. Confirmation: {{confirmation_number}}.',
          SIGN_OFF,
        ),
        sms_body:
          '{{first_name}}, gate change: {{flight_id}} now departs from gate {{new_gate}} (was {{old_gate}}). Departure time unchanged.',
      };
  }
}
