import type { EventPattern } from '../../adapters/local/eventbridge/match-pattern.ts';
import {
  OFFER_ANSWER_TYPES,
  OFFER_DETAIL_TYPES,
  REBOOKING_EVENT_SOURCE,
} from '../rebooking/offer-events.ts';
import { WEATHER_DETAIL_TYPES, WEATHER_EVENT_SOURCE } from '../weather/weather-events.ts';
import { DETAIL_TYPES, EVENT_BUS_NAME, EVENT_SOURCES } from './bus-events.ts';

/**
 * Every rule names the producers it accepts (`source`) as well as the detail-type: only
 * FlightPulse's ingest function starts a disruption workflow, only its workflows announce a
 * notification, whoever else may put events on the bus.
 */
const FLIGHT_EVENTS = [EVENT_SOURCES.ingest];
// The workflows, and the weather watch's heads-up (which sends without a workflow).
const NOTIFIERS = [EVENT_SOURCES.workflows, WEATHER_EVENT_SOURCE];

/**
 * What a notification's delivery log keeps in AWS: ids and kinds, never the recipient, subject
 * or body. A log group's events cannot be edited, so an erasure could not reach them there
 * (locally the log files are scrubbed on erasure instead).
 */
export const LOGGED_NOTIFICATION_FIELDS = [
  'notification_id',
  'event_id',
  'flight_id',
  'booking_id',
  'passenger_id',
  'message_type',
  'channel',
  'priority',
  'generated_by',
  'created_at',
] as const;

/** What a rule delivers to; CDK and the local bus each map these to real targets. */
export type RuleTarget =
  | { kind: 'state-machine'; stateMachine: StateMachineId }
  | { kind: 'function'; functionId: 'record-notification' }
  | { kind: 'log-group'; logGroup: string };

export type StateMachineId =
  | 'delay-notification'
  | 'cancellation'
  | 'gate-change'
  | 'rebooking-answer'
  | 'waiver-offers';

export interface RoutingRule {
  name: string;
  description: string;
  eventBusName: string;
  eventPattern: EventPattern;
  targets: RuleTarget[];
}

/**
 * The EventBridge rules of FlightPulse, defined once: the CDK stack creates exactly these and
 * the local bus evaluates exactly these.
 */
export const ROUTING_RULES: readonly RoutingRule[] = [
  {
    name: 'flightpulse-delay-to-workflow',
    description: 'flight.delay.* → delay notification workflow',
    eventBusName: EVENT_BUS_NAME,
    eventPattern: { source: FLIGHT_EVENTS, 'detail-type': [{ prefix: 'flight.delay.' }] },
    targets: [{ kind: 'state-machine', stateMachine: 'delay-notification' }],
  },
  {
    name: 'flightpulse-cancelled-to-workflow',
    description: 'flight.cancelled → cancellation workflow',
    eventBusName: EVENT_BUS_NAME,
    eventPattern: { source: FLIGHT_EVENTS, 'detail-type': [DETAIL_TYPES.cancelled] },
    targets: [{ kind: 'state-machine', stateMachine: 'cancellation' }],
  },
  {
    name: 'flightpulse-gate-change-to-workflow',
    description: 'flight.gate_change → gate change workflow',
    eventBusName: EVENT_BUS_NAME,
    eventPattern: { source: FLIGHT_EVENTS, 'detail-type': [DETAIL_TYPES.gateChange] },
    targets: [{ kind: 'state-machine', stateMachine: 'gate-change' }],
  },
  {
    name: 'flightpulse-offer-answers-to-workflow',
    description: 'offer answers and expiries → rebooking answer workflow (book, escalate, tell)',
    eventBusName: EVENT_BUS_NAME,
    eventPattern: {
      source: [REBOOKING_EVENT_SOURCE],
      'detail-type': [...OFFER_ANSWER_TYPES, OFFER_DETAIL_TYPES.expiryDue],
    },
    targets: [{ kind: 'state-machine', stateMachine: 'rebooking-answer' }],
  },
  {
    name: 'flightpulse-waiver-to-offers',
    description: 'flight.waiver_issued → voluntary offers without a change fee',
    eventBusName: EVENT_BUS_NAME,
    eventPattern: {
      source: [WEATHER_EVENT_SOURCE],
      'detail-type': [WEATHER_DETAIL_TYPES.waiverIssued],
    },
    targets: [{ kind: 'state-machine', stateMachine: 'waiver-offers' }],
  },
  {
    name: 'flightpulse-email-notifications',
    description: 'notification.email → email delivery log',
    eventBusName: EVENT_BUS_NAME,
    eventPattern: { source: NOTIFIERS, 'detail-type': [DETAIL_TYPES.notificationEmail] },
    targets: [{ kind: 'log-group', logGroup: '/flightpulse/notifications/email' }],
  },
  {
    name: 'flightpulse-sms-notifications',
    description: 'notification.sms → SMS delivery log',
    eventBusName: EVENT_BUS_NAME,
    eventPattern: { source: NOTIFIERS, 'detail-type': [DETAIL_TYPES.notificationSms] },
    targets: [{ kind: 'log-group', logGroup: '/flightpulse/notifications/sms' }],
  },
  {
    name: 'flightpulse-push-notifications',
    description: 'notification.push → push delivery log',
    eventBusName: EVENT_BUS_NAME,
    eventPattern: { source: NOTIFIERS, 'detail-type': [DETAIL_TYPES.notificationPush] },
    targets: [{ kind: 'log-group', logGroup: '/flightpulse/notifications/push' }],
  },
  {
    // FlightPulse's own sends claim each notification before it leaves, and the claim is its
    // record: they are announced `claimed` and need no function run. Only a notification
    // announced without a claim is recorded here.
    name: 'flightpulse-unclaimed-notifications',
    description: 'notification.* not claimed by its sender → notification record',
    eventBusName: EVENT_BUS_NAME,
    eventPattern: {
      source: NOTIFIERS,
      'detail-type': [
        DETAIL_TYPES.notificationEmail,
        DETAIL_TYPES.notificationSms,
        DETAIL_TYPES.notificationPush,
      ],
      detail: { claimed: [{ exists: false }] },
    },
    targets: [{ kind: 'function', functionId: 'record-notification' }],
  },
  {
    name: 'flightpulse-booking-audit',
    description: 'booking.* and flight.status_changed → audit log',
    eventBusName: EVENT_BUS_NAME,
    eventPattern: {
      source: [EVENT_SOURCES.stream, EVENT_SOURCES.workflows],
      'detail-type': [
        DETAIL_TYPES.bookingStatusChanged,
        DETAIL_TYPES.rebookingNeeded,
        DETAIL_TYPES.flightStatusChanged,
        DETAIL_TYPES.deliveryStatusChanged,
      ],
    },
    targets: [{ kind: 'log-group', logGroup: '/flightpulse/audit' }],
  },
];
