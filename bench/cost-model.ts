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
  /** Items an inline Map takes before Distributed Map is the tool (40 concurrent, 256 KB). */
  inlineMapConcurrency: 40,
};

const BATCH = 50;
/** History events per Map iteration: entered/exited per state, scheduled/started/succeeded per task. */
const HISTORY_PER_ITERATION = 4 * 5 + 3;
/** Bytes per booking id in the GetAffectedBookings result (id, quotes, comma, batch wrapper share). */
const BYTES_PER_BOOKING_ID = 16;

/**
 * The AWS picture for a scale on paper, from this run's measured counts per passenger: the wave
 * as FlightPulse runs it (one execution per flight) and the same passengers in a single execution,
 * each checked against the quotas. `workflows` is how many executions share the passengers.
 */
function scenario(
  measured: Counts,
  measuredPassengers: number,
  passengers: number,
  workflows: number,
) {
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
  const batches = Math.ceil(perExecution / BATCH);
  const payloadBytes = perExecution * BYTES_PER_BOOKING_ID;
  const historyEvents = 12 + batches * HISTORY_PER_ITERATION;
  const distributedMap = payloadBytes > LIMITS.payloadBytes || historyEvents > LIMITS.historyEvents;
  return {
    passengers,
    executions: workflows,
    counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Math.round(v)])),
    dynamodb_write_units: Math.round(counts.storeWrites),
    ...costAndQuota(counts),
    per_execution: {
      bookings: Math.round(perExecution),
      batches,
      largest_payload_bytes: Math.round(payloadBytes),
      payload_within_256kb: payloadBytes <= LIMITS.payloadBytes,
      history_events: historyEvents,
      history_within_25000: historyEvents <= LIMITS.historyEvents,
    },
    model_requests_per_minute_needed_for_1_minute: counts.modelCalls,
    model_within_rpm: counts.modelCalls <= QUOTAS.modelRequestsPerMinute,
    transitions_per_second_if_done_in_60s: Math.round(counts.transitions / 60),
    transitions_within_quota: counts.transitions / 60 <= QUOTAS.stepFunctionsTransitionsPerSecond,
    distributed_map_needed: distributedMap,
  };
}

/**
 * 10 hubs × 5,000 passengers as FlightPulse runs it (an execution per flight, ~170 passengers
 * each) and 50,000 passengers named by one event in one execution.
 */
export function awsAtScale(measured: Counts, measuredPassengers: number) {
  return {
    wave_10_x_5000: scenario(measured, measuredPassengers, 50_000, Math.ceil(50_000 / 170)),
    single_event_50000: scenario(measured, measuredPassengers, 50_000, 1),
  };
}
