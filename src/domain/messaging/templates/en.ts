import type { LanguagePack } from './language-pack.ts';

const DELAY_NEXT_STEPS =
  'Next steps: please be at gate {{gate}} 30 minutes before {{new_departure_time}}; we will message you again if the time changes. If the new time no longer works for you, an agent at the airport or on the phone can review other flights with you; please quote confirmation {{confirmation_number}}.';

/** English: the default language. */
export const EN: LanguagePack = {
  language: 'en',
  name: 'English',
  locale: 'en-US',
  hour12: true,
  severities: {
    MINOR: {
      email_subject: 'Flight {{flight_id}} is running {{delay_duration}} late',
      greeting: 'Hi {{first_name}},',
      situation:
        'A quick update: flight {{flight_id}} from {{origin}} to {{destination}} is running {{delay_duration}} late because of {{reason_text}}. It is now expected to depart at {{new_departure_time}} and arrive at {{new_arrival_time}}.',
      next_steps:
        'Next steps: no action is needed. Your seat {{seat}} is unchanged; please be at gate {{gate}} 30 minutes before the new departure time. We will message you again if the time changes. Confirmation: {{confirmation_number}}.',
      sms: '{{first_name}}, {{flight_id}} is {{delay_duration}} late, now departing {{new_departure_time}} from gate {{gate}}. No action needed.',
    },
    MAJOR: {
      email_subject: 'Delay update: flight {{flight_id}} now departs at {{new_departure_time}}',
      greeting: 'Dear {{first_name}},',
      situation:
        'We are sorry for the wait: flight {{flight_id}} from {{origin}} to {{destination}} is delayed by {{delay_duration}} because of {{reason_text}}. It is now expected to depart at {{new_departure_time}} and arrive at {{new_arrival_time}}.',
      next_steps: DELAY_NEXT_STEPS,
      sms: '{{first_name}}, {{flight_id}} is delayed {{delay_duration}}, now departing {{new_departure_time}}. We will text you if it changes.',
    },
    SEVERE: {
      email_subject: 'We are sorry: flight {{flight_id}} is delayed {{delay_duration}}',
      greeting: 'Dear {{first_name}},',
      situation:
        'We are very sorry: flight {{flight_id}} from {{origin}} to {{destination}} is delayed by {{delay_duration}} because of {{reason_text}}. We know this disrupts your plans. It is now expected to depart at {{new_departure_time}} and arrive at {{new_arrival_time}}.',
      next_steps: DELAY_NEXT_STEPS,
      sms: '{{first_name}}, sorry: {{flight_id}} is {{delay_duration}} late, now departing {{new_departure_time}}. An agent can review other flights.',
    },
    CANCELLED: {
      email_subject: 'We are sorry: flight {{flight_id}} on {{departure_date}} is cancelled',
      greeting: 'Dear {{first_name}},',
      situation:
        'We are sorry to tell you that flight {{flight_id}} from {{origin}} to {{destination}}, due to depart at {{original_departure_time}} on {{departure_date}}, has been cancelled because of {{reason_text}}. We apologise for the disruption to your journey. Your booking {{confirmation_number}} has been marked for rebooking.',
      next_steps:
        'Next steps: to choose another flight, speak to an agent at the airport or on the phone and quote confirmation {{confirmation_number}}.',
      sms: '{{first_name}}, we are sorry: {{flight_id}} {{origin}}-{{destination}} is cancelled. Booking {{confirmation_number}} is marked for rebooking.',
    },
    TERMINAL: {
      email_subject: 'URGENT: flight {{flight_id}} moved to gate {{new_gate}} in another terminal',
      greeting: '{{first_name}}, please read this now.',
      situation:
        'URGENT: flight {{flight_id}} to {{destination}} now departs from gate {{new_gate}} (was {{old_gate}}). The new gate is in a different terminal.',
      next_steps:
        'Next steps: head to gate {{new_gate}} now and allow extra time to change terminals. Your seat {{seat}} is unchanged. Confirmation: {{confirmation_number}}.',
      sms: 'URGENT {{first_name}}: {{flight_id}} now departs gate {{new_gate}}, another terminal. Go now.',
    },
    GATE: {
      email_subject: 'Gate change: flight {{flight_id}} now departs from gate {{new_gate}}',
      greeting: 'Hi {{first_name}},',
      situation:
        'Flight {{flight_id}} to {{destination}} now departs from gate {{new_gate}} instead of {{old_gate}}. The departure time is unchanged.',
      next_steps:
        'Next steps: please go to gate {{new_gate}}. Your seat {{seat}} is unchanged. Confirmation: {{confirmation_number}}.',
      sms: '{{first_name}}, gate change: {{flight_id}} now departs gate {{new_gate}} (was {{old_gate}}). Time unchanged.',
    },
  },
  headsUp: {
    email_subject: 'Weather may affect flight {{flight_id}}',
    greeting: 'Hello {{first_name}},',
    situation:
      'The weather forecast at {{airport}} may affect your flight {{flight_id}} from {{origin}} to {{destination}}, scheduled to depart at {{original_departure_time}}. Your flight is still scheduled.',
    next_steps:
      'Next steps: no action is needed now. We are watching the forecast and will message you at once if anything changes. Confirmation: {{confirmation_number}}.',
    sms: '{{first_name}}, weather at {{airport}} may affect {{flight_id}} (departs {{original_departure_time}}). Still scheduled; we will text you if it changes.',
    assistance: 'We keep your {{special_assistance}} booked for this flight.',
    tierEmail: {
      MEMBER: '',
      'A-LIST': 'As an A-List Member, your priority boarding stays with you whatever the weather.',
      'A-LIST_PREFERRED':
        'As an A-List Preferred Member, your priority boarding stays with you and our priority support line is ready to help you.',
    },
    tierSms: {
      MEMBER: '',
      'A-LIST': 'A-List priority boarding stays.',
      'A-LIST_PREFERRED': 'A-List Preferred priority boarding.',
    },
  },
  tierEmail: {
    MEMBER: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
    'A-LIST': {
      DELAY:
        'As an A-List Member, your priority boarding stays in place for the new departure time.',
      CANCELLATION: 'As an A-List Member, you have priority with our agents when you rebook.',
      GATE_CHANGE: 'As an A-List Member, your priority boarding applies at the new gate.',
    },
    'A-LIST_PREFERRED': {
      DELAY:
        'As an A-List Preferred Member, your priority boarding stays in place and our priority support line is ready to help you.',
      CANCELLATION:
        'As an A-List Preferred Member, you have top priority with our agents and our priority support line is ready to help you.',
      GATE_CHANGE:
        'As an A-List Preferred Member, your priority boarding applies at the new gate and our priority support line is ready to help you.',
    },
  },
  tierSms: {
    MEMBER: { DELAY: '', CANCELLATION: '', GATE_CHANGE: '' },
    'A-LIST': {
      DELAY: 'A-List priority boarding stays.',
      CANCELLATION: 'A-List: agents give you priority.',
      GATE_CHANGE: 'A-List priority boarding.',
    },
    'A-LIST_PREFERRED': {
      DELAY: 'A-List Preferred priority boarding.',
      CANCELLATION: 'A-List Preferred: top priority with agents.',
      GATE_CHANGE: 'A-List Preferred priority boarding.',
    },
  },
  assistanceEmail: {
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
      GATE_CHANGE:
        'An agent will help you reach gate {{new_gate}} with your {{special_assistance}}.',
    },
    FAMILY: {
      DELAY: 'We have moved your {{special_assistance}} to the new departure time.',
      CANCELLATION: 'Your {{special_assistance}} will be carried over to your new flight.',
      GATE_CHANGE: 'Our staff will help with your {{special_assistance}} at gate {{new_gate}}.',
    },
    SERVICE_ANIMAL: {
      DELAY: 'We have moved your {{special_assistance}} to the new departure time.',
      CANCELLATION: 'Your {{special_assistance}} will be carried over to your new flight.',
      GATE_CHANGE: 'Your {{special_assistance}} move with you to gate {{new_gate}}.',
    },
  },
  assistanceSms: {
    NONE: '',
    MOBILITY: '{{assistance}} meets you there.',
    SENSORY: '{{assistance}} meets you there.',
    FAMILY: '{{assistance}}: staff meet you there.',
    SERVICE_ANIMAL: '{{assistance}}: moved with you.',
  },
  signOff: 'Customer Care',
  requestWords: {
    WHEELCHAIR_ASSISTANCE: 'wheelchair assistance',
    VISUAL_ASSISTANCE: 'visual assistance',
    HEARING_ASSISTANCE: 'hearing assistance',
    UNACCOMPANIED_MINOR: 'unaccompanied minor service',
    TRAVELLING_WITH_INFANT: 'infant travel arrangements',
    SERVICE_ANIMAL: 'service animal arrangements',
    SPECIAL_MEAL: 'special meal',
    EXTRA_SEAT: 'extra seat',
  },
  requestShort: {
    WHEELCHAIR_ASSISTANCE: 'Wheelchair assistance',
    VISUAL_ASSISTANCE: 'Visual assistance',
    HEARING_ASSISTANCE: 'Hearing assistance',
    UNACCOMPANIED_MINOR: 'Minor escort',
    TRAVELLING_WITH_INFANT: 'Infant help',
    SERVICE_ANIMAL: 'Service animal',
    SPECIAL_MEAL: 'Special meal',
    EXTRA_SEAT: 'Extra seat',
  },
  reasons: {
    WEATHER: 'weather',
    MECHANICAL: 'a mechanical issue',
    CREW: 'crew availability',
    ATC: 'air traffic control restrictions',
    SECURITY: 'a security check',
    OTHER: 'operational reasons',
  },
  hour: ['hour', 'hours'],
  minute: ['minute', 'minutes'],
  and: 'and',
  rules: {
    nextSteps: 'Next steps:',
    apology: /\b(sorry|apologi[sz]e)/i,
    apologyPhrase: 'sorry',
    urgent: 'URGENT',
    priority: /\bpriority\b/i,
    forbiddenPromises: [
      /\bcompensation\b/i,
      /\brefund/i,
      /\bvoucher/i,
      /\bguarantee/i,
      /\bfree\b/i,
      /\bupgrade/i,
    ],
    unofferedSteps: [
      /\b(send|sending|email|text)\b[^.]*\boptions\b/i,
      /\boptions\b[^.]*\b(follow|on (their|its) way|coming|soon)\b/i,
      /\b(the|our|in-?)\s?app\b/i,
      /\bonline\b/i,
    ],
    commonWords: [
      'the',
      'and',
      'your',
      'you',
      'is',
      'are',
      'now',
      'from',
      'please',
      'with',
      'will',
      'has',
      'been',
      'we',
      'our',
      'at',
      'to',
      'for',
      'of',
      'new',
      'flight',
      'late',
      'delayed',
      'departs',
      'departing',
      'sorry',
      'need',
      'needed',
      'time',
      'seat',
      'unchanged',
      'head',
      'there',
      'this',
      'on',
      'by',
      'as',
      'be',
      'stays',
      'meets',
      'change',
      'another',
      'go',
    ],
  },
};
