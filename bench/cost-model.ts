import { bookingBatchCount } from '../src/domain/workflows/task-functions.ts';

/** AWS list prices (us-east-1) the cost model uses; change them here. */
export const PRICES = {
  stepFunctionsTransition: 0.025 / 1000,
  lambdaRequest: 0.2 / 1_000_000,
  /** ARM, per GB-second. */
  lambdaGbSecond: 0.0000133334,
  eventBridgeEvent: 1 / 1_000_000,
  dynamoDbWrite: 1.25 / 1_000_000,
  dynamoDbRead: 0.25 / 1_000_000,
  logsIngestPerGb: 0.5,
  /** Claude Haiku 4.5 on Bedrock: $1 per million input tokens, $5 per million output tokens. */
  modelCall: (500 * 1 + 400 * 5) / 1_000_000,
};

/** Quotas that bound throughput in AWS (defaults; many are raisable). */
export const QUOTAS = {
  /** Standard workflows: state transitions per second (token bucket refill, us-east-1). */
  stepFunctionsTransitionsPerSecond: 5000,
  /** Bedrock on-demand requests per minute for a Haiku-class model (account default varies). */
  modelRequestsPerMinute: 1000,
  eventBridgePutEventsPerSecond: 10_000,
};

export interface Counts {
  transitions: number;
  lambdaInvocations: number;
  lambdaSeconds: number;
  busEvents: number;
  storeWrites: number;
  storeReads: number;
  modelCalls: number;
  notifications: number;
}

/** Estimated AWS cost of one run and the time its quotas impose. */
export function costAndQuota(c: Counts) {
  const cost = {
    step_functions: c.transitions * PRICES.stepFunctionsTransition,
    lambda:
      c.lambdaInvocations * PRICES.lambdaRequest + c.lambdaSeconds * 0.5 * PRICES.lambdaGbSecond,
    eventbridge: c.busEvents * PRICES.eventBridgeEvent,
    dynamodb: c.storeWrites * PRICES.dynamoDbWrite + c.storeReads * PRICES.dynamoDbRead,
    logs: (c.notifications * 1500 * PRICES.logsIngestPerGb) / 1e9,
    model: c.modelCalls * PRICES.modelCall,
  };
  const total = Object.values(cost).reduce((n, v) => n + v, 0);
  return {
    cost_usd: { ...cost, total },
    quota_seconds: {
      step_functions: c.transitions / QUOTAS.stepFunctionsTransitionsPerSecond,
      model: (c.modelCalls / QUOTAS.modelRequestsPerMinute) * 60,
      eventbridge: c.busEvents / QUOTAS.eventBridgePutEventsPerSecond,
    },
  };
}

/** Step Functions and Bedrock limits a single execution or a wave must stay within. */
export const LIMITS = {
  /** Largest state input or output. */
  payloadBytes: 256 * 1024,
  /** Events in one standard execution's history. */
  historyEvents: 25_000,
};

/** History events per state at most: entered, scheduled, started, succeeded, exited (a Task). */
const HISTORY_PER_STATE = 5;
/** History events of an inline Map iteration: entered/exited per state, scheduled/started/succeeded per task. */
const HISTORY_PER_ITERATION = 4 * 5 + 3;
/** Bytes per booking id in the state when the batches were the state (id, quotes, comma, batch wrapper share). */
const BYTES_PER_BOOKING_ID = 16;
/** Bytes a child's result adds to its Distributed Map's output (`{"email":n,"sms":n,"dead_lettered":false}`). */
const CHILD_RESULT_BYTES = 48;

/** What the run measured of its workflows' shape, the part of the scale-up that is not per passenger. */
export interface MeasuredShape {
  /** Largest state input or output of a workflow run, and of a Distributed Map child. */
  largest_parent_payload_bytes: number;
  largest_child_payload_bytes: number;
  /** Most transitions of one run (its own) and of one child execution. */
  parent_transitions: number;
  child_transitions: number;
  /** Distributed Map runs per workflow run that had bookings (1, or 2 for a cancellation). */
  map_runs_per_execution: number;
}

/**
 * The AWS picture for a scale on paper, from this run's measured counts per passenger and its
 * measured workflow shape: the wave as FlightPulse runs it (one execution per flight) and the same
 * passengers in a single execution, each checked against the quotas. The workflows hold the
 * booking ids in an S3 manifest and run a child execution per batch (Distributed Map), so a run's
 * payload grows only by each child's small result and its history not at all; the inline Map they
 * used before is shown beside it (its payload and history grew with the bookings).
 */
function scenario(
  measured: Counts,
  measuredPassengers: number,
  shape: MeasuredShape,
  scale: { passengers: number; workflows: number },
) {
  const { passengers, workflows } = scale;
  const per = (n: number) => (n / Math.max(1, measuredPassengers)) * passengers;
  const counts: Counts = {
    transitions: per(measured.transitions),
    lambdaInvocations: per(measured.lambdaInvocations),
    lambdaSeconds: per(measured.lambdaSeconds),
    busEvents: per(measured.busEvents),
    storeWrites: per(measured.storeWrites),
    storeReads: per(measured.storeReads),
    // Segments do not grow with passengers: a wave of any size composes about as many.
    modelCalls: measured.modelCalls,
    notifications: per(measured.notifications),
  };
  const perExecution = passengers / workflows;
  const batches = bookingBatchCount(Math.round(perExecution));
  const parentPayload = shape.largest_parent_payload_bytes + batches * CHILD_RESULT_BYTES;
  const largestPayload = Math.max(parentPayload, shape.largest_child_payload_bytes);
  // Execution started and ended, and each state's events; a Map Run adds two to its parent.
  const mapRuns = Math.ceil(shape.map_runs_per_execution);
  const parentHistory = 2 + shape.parent_transitions * HISTORY_PER_STATE + 2 * mapRuns;
  const childHistory = 2 + shape.child_transitions * HISTORY_PER_STATE;
  const history = Math.max(parentHistory, childHistory);
  const inline = {
    largest_payload_bytes: Math.round(perExecution * BYTES_PER_BOOKING_ID),
    history_events: 12 + batches * HISTORY_PER_ITERATION,
  };
  return {
    passengers,
    executions: workflows,
    child_executions: Math.round(workflows * batches * shape.map_runs_per_execution),
    counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Math.round(v)])),
    dynamodb_write_units: Math.round(counts.storeWrites),
    ...costAndQuota(counts),
    per_execution: {
      bookings: Math.round(perExecution),
      batches,
      largest_payload_bytes: Math.round(largestPayload),
      payload_within_256kb: largestPayload <= LIMITS.payloadBytes,
      history_events: history,
      history_within_25000: history <= LIMITS.historyEvents,
    },
    inline_map_instead: {
      ...inline,
      within_limits:
        inline.largest_payload_bytes <= LIMITS.payloadBytes &&
        inline.history_events <= LIMITS.historyEvents,
    },
    model_requests_per_minute_needed_for_1_minute: counts.modelCalls,
    model_within_rpm: counts.modelCalls <= QUOTAS.modelRequestsPerMinute,
    transitions_per_second_if_done_in_60s: Math.round(counts.transitions / 60),
    transitions_within_quota: counts.transitions / 60 <= QUOTAS.stepFunctionsTransitionsPerSecond,
    design: 'Distributed Map over an S3 manifest (STANDARD children, a batch each)',
  };
}

/**
 * 10 hubs × 5,000 passengers as FlightPulse runs it (an execution per flight, ~170 passengers
 * each) and 50,000 passengers named by one event in one execution.
 */
export function awsAtScale(measured: Counts, measuredPassengers: number, shape: MeasuredShape) {
  const at = (workflows: number) =>
    scenario(measured, measuredPassengers, shape, { passengers: 50_000, workflows });
  return {
    wave_10_x_5000: at(Math.ceil(50_000 / 170)),
    single_event_50000: at(1),
  };
}
