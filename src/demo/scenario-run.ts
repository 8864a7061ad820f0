import type { BusEvent } from '../adapters/local/eventbridge/local-bus.ts';
import type { ExecutionRecord } from '../adapters/local/step-functions/local-executor.ts';
import type { Scenario } from '../simulator/scenarios.ts';

/** What one scenario did, as the demo observed it. */
export interface ScenarioRun {
  scenario: Scenario;
  busEvents: BusEvent[];
  executions: ExecutionRecord[];
  failures: unknown[];
}

export interface Check {
  name: string;
  passed: boolean;
  detail?: string;
}

/** Reads the API as a client would; a 5xx is a failure of the demo itself. */
export type ApiReader = <T = Record<string, unknown>>(
  path: string,
  init?: RequestInit,
) => Promise<{ status: number; body: T }>;

export function check(name: string, passed: boolean, detail?: string): Check {
  return { name, passed, ...(detail !== undefined && !passed ? { detail } : {}) };
}
