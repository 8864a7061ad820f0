import { randomUUID } from 'node:crypto';
import type { EventBridgeEvent } from 'aws-lambda';
import type { BusEntry } from '../../../domain/event-routing/bus-events.ts';
import type { RoutingRule, RuleTarget } from '../../../domain/event-routing/routing-rules.ts';
import type { Clock, EventPublisher } from '../../../ports.ts';
import type { WorkTracker } from '../work-tracker.ts';
import {
  type CompiledPattern,
  compilePattern,
  flattenEvent,
  InvalidPatternError,
  matchesFlattened,
} from './match-pattern.ts';

export type BusEvent = EventBridgeEvent<string, Record<string, unknown>>;

/** Delivers an event to one rule target; the runtime maps targets to local implementations. */
export type TargetDelivery = (target: RuleTarget, event: BusEvent) => Promise<void>;

export interface LocalBusOptions {
  busName: string;
  rules: readonly RoutingRule[];
  deliver: TargetDelivery;
  tracker: WorkTracker;
  clock: Clock;
  account?: string;
  region?: string;
  /** Sees every event put on the bus, matched or not (the console's activity feed, tests). */
  onEvent?: (event: BusEvent, matchedRules: string[]) => void;
}

/**
 * An EventBridge bus in this process: PutEvents builds the event EventBridge would deliver and
 * evaluates the same rule patterns the CDK stack deploys; deliveries run asynchronously, as
 * EventBridge's do, and are tracked so callers can wait for quiet.
 */
export class LocalBus implements EventPublisher {
  private readonly options: LocalBusOptions;
  private readonly patterns: Map<RoutingRule, CompiledPattern>;

  /** Validates every rule's pattern now, as EventBridge does on PutRule: a bad one stops start-up. */
  constructor(options: LocalBusOptions) {
    this.options = options;
    this.patterns = new Map(
      options.rules.map((rule) => {
        try {
          return [rule, compilePattern(rule.eventPattern)];
        } catch (error) {
          if (!(error instanceof InvalidPatternError)) throw error;
          throw new InvalidPatternError(
            `Rule ${rule.name}: event pattern is not valid. Reason: ${error.message}`,
          );
        }
      }),
    );
  }

  async publish(entries: BusEntry[]): Promise<void> {
    for (const entry of entries) this.put(entry);
  }

  /** Puts one event on the bus and returns its id. */
  put(entry: BusEntry): string {
    const { busName, rules, deliver, tracker, clock, onEvent } = this.options;
    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.detailType,
      source: entry.source,
      account: this.options.account ?? '000000000000',
      time: clock.now().replace(/\.\d{3}Z$/, 'Z'),
      region: this.options.region ?? 'local',
      resources: [],
      detail: entry.detail,
    };
    // Flattened once for every rule: a batch's detail has hundreds of leaves.
    const fields = flattenEvent(event);
    const matched = rules.filter(
      (r) =>
        r.eventBusName === busName &&
        matchesFlattened(this.patterns.get(r) as CompiledPattern, fields),
    );
    onEvent?.(
      event,
      matched.map((r) => r.name),
    );
    for (const rule of matched) {
      for (const target of rule.targets) tracker.track(deliver(target, structuredClone(event)));
    }
    return event.id;
  }
}
