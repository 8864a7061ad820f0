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
