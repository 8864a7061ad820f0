import type { StateMachineId } from '../event-routing/routing-rules.ts';

/** The Lambda functions workflows invoke, by id; ASL names them through a substitution. */
export const TASK_FUNCTIONS = {
  'get-affected-bookings': {
    functionName: 'flightpulse-get-affected-bookings',
    substitution: 'GetAffectedBookingsFunctionArn',
  },
  'get-passenger-details': {
    functionName: 'flightpulse-get-passenger-details',
    substitution: 'GetPassengerDetailsFunctionArn',
  },
  'compute-entitlements': {
    functionName: 'flightpulse-compute-entitlements',
    substitution: 'ComputeEntitlementsFunctionArn',
  },
  'generate-messages': {
    functionName: 'flightpulse-generate-messages',
    substitution: 'GenerateMessagesFunctionArn',
  },
  'send-notifications': {
    functionName: 'flightpulse-send-notifications',
    substitution: 'SendNotificationsFunctionArn',
  },
  'mark-bookings-for-rebooking': {
    functionName: 'flightpulse-mark-bookings-for-rebooking',
    substitution: 'MarkBookingsForRebookingFunctionArn',
  },
  'plan-rebooking-offers': {
    functionName: 'flightpulse-plan-rebooking-offers',
    substitution: 'PlanRebookingOffersFunctionArn',
  },
  'apply-offer-expiry': {
    functionName: 'flightpulse-apply-offer-expiry',
    substitution: 'ApplyOfferExpiryFunctionArn',
  },
  'notify-offer-outcome': {
    functionName: 'flightpulse-notify-offer-outcome',
    substitution: 'NotifyOfferOutcomeFunctionArn',
  },
} as const;
export type TaskFunctionId = keyof typeof TASK_FUNCTIONS;

export interface WorkflowDefinitionRef {
  id: StateMachineId;
  /** The state machine's name in AWS and in the local executor. */
  name: string;
  /** File under step-functions/. */
  file: string;
}

export const WORKFLOWS: readonly WorkflowDefinitionRef[] = [
  {
    id: 'delay-notification',
    name: 'FlightPulseDelayNotification',
    file: 'delay-notification.asl.json',
  },
  { id: 'cancellation', name: 'FlightPulseCancellationWorkflow', file: 'cancellation.asl.json' },
  { id: 'gate-change', name: 'FlightPulseGateChangeWorkflow', file: 'gate-change.asl.json' },
  {
    id: 'rebooking-answer',
    name: 'FlightPulseRebookingAnswerWorkflow',
    file: 'rebooking-answer.asl.json',
  },
  { id: 'waiver-offers', name: 'FlightPulseWaiverOffersWorkflow', file: 'waiver-offers.asl.json' },
];

/** Bookings handled per batch inside a workflow: big enough to amortise calls, small enough for 256 KB. */
export const BOOKING_BATCH_SIZE = 50;

/**
 * The first batch of a run is smaller: its passengers hear as soon as ten are judged, composed
 * and sent, instead of waiting for fifty (the scheduler serves a run's first batch first).
 */
export const FIRST_BATCH_SIZE = 10;

/** How many batches `bookingBatches` cuts `bookings` into. */
export function bookingBatchCount(
  bookings: number,
  size = BOOKING_BATCH_SIZE,
  first = FIRST_BATCH_SIZE,
) {
  if (bookings <= 0) return 0;
  return 1 + Math.ceil(Math.max(0, bookings - Math.min(first, size)) / size);
}

/** One batch of a run's manifest: its bookings and, in the same order, each booking's passenger. */
export interface BookingBatch {
  booking_ids: string[];
  /** Lets the batch's first task read bookings and passengers in one round trip, not two. */
  passenger_ids: string[];
}

/** A run's bookings in batches: the first of at most `first`, the rest of `size`. */
export function bookingBatches(
  refs: ReadonlyArray<{ booking_id: string; passenger_id: string }>,
  size: number,
  first = FIRST_BATCH_SIZE,
): BookingBatch[] {
  const head = Math.min(first, size);
  const batch = (from: number, to: number): BookingBatch => {
    const part = refs.slice(from, to);
    return {
      booking_ids: part.map((r) => r.booking_id),
      passenger_ids: part.map((r) => r.passenger_id),
    };
  };
  const batches: BookingBatch[] = [];
  if (refs.length > 0) batches.push(batch(0, head));
  for (let i = head; i < refs.length; i += size) batches.push(batch(i, i + size));
  return batches;
}
