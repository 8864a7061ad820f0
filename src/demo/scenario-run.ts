import type { BusEvent } from '../adapters/local/eventbridge/local-bus.ts';
import type { ExecutionRecord } from '../adapters/local/step-functions/local-executor.ts';
import type { ReceivedHandsetMessage, ReceivedMail } from '../ports/passenger-inboxes.ts';
import type { Scenario } from '../simulator/scenarios.ts';

/** What one scenario did, as the demo observed it. */
export interface ScenarioRun {
  scenario: Scenario;
  busEvents: BusEvent[];
  executions: ExecutionRecord[];
  failures: unknown[];
  /**
   * What the passengers have received so far: e-mail in the embedded SMTP server's mailbox, SMS
   * and push on the loopback carrier's handsets, and every notification id recorded so far.
   * Undefined when mail went to an outside SMTP server (SMTP_HOST), whose mailbox the demo
   * cannot read.
   */
  received?: {
    mail: readonly ReceivedMail[];
    handset: readonly ReceivedHandsetMessage[];
    recorded: ReadonlySet<string>;
  };
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
