// The local runtime's event backbone: the bus with EventBridge's rules, its deliveries to
// workflows and tasks on fair bounded slots, and the Step Functions executor behind them.
import { fileURLToPath } from 'node:url';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { InMemoryMetrics } from '../adapters/local/cloudwatch/in-memory-metrics.ts';
import type { LogGroupSink } from '../adapters/local/cloudwatch/log-group-sink.ts';
import { type BusEvent, LocalBus } from '../adapters/local/eventbridge/local-bus.ts';
import { KeyLocks } from '../adapters/local/key-locks.ts';
import {
  type ExecutionRecord,
  LocalExecutor,
} from '../adapters/local/step-functions/local-executor.ts';
import type { LocalFunction } from '../adapters/local/step-functions/task-resources.ts';
import type { TaskSlots } from '../adapters/local/step-functions/task-timeout.ts';
import {
  loadWorkflows,
  localSubstitutions,
} from '../adapters/local/step-functions/workflow-definitions.ts';
import type { WorkTracker } from '../adapters/local/work-tracker.ts';
import type { RuleTarget, StateMachineId } from '../domain/event-routing/routing-rules.ts';
import { ROUTING_RULES } from '../domain/event-routing/routing-rules.ts';
import { createRecordNotification } from '../handlers/record-notification.ts';
import type { Clock, ObjectStore } from '../ports.ts';
import type { ActivityHub } from './activity-hub.ts';
import { reportBusEvent } from './activity-reports.ts';
import type { Config } from './config.ts';
import { executionRecording } from './execution-recording.ts';
import { FairScheduler } from './fair-scheduler.ts';
import type { ActivityListener, RuntimeOptions } from './local-runtime.ts';
import { NOTIFICATION_BATCHES, type RunTurns } from './run-turns.ts';
import type { RuntimeStore } from './runtime-store.ts';
import type { StageTimings } from './stage-timings.ts';
import type { StoreLanes } from './store-lanes.ts';
import type { WorkflowTally } from './workflow-tally.ts';

export const STEP_FUNCTIONS_DIR = fileURLToPath(new URL('../../step-functions/', import.meta.url));

/**
 * The in-process bus: rule targets (workflow runs on fair bounded slots, the recording function,
 * log groups), counting every event and keeping them when asked.
 */
export function eventBackbone(
  config: Config,
  options: RuntimeOptions,
  listener: ActivityListener,
  executor: () => LocalExecutor,
  deps: {
    store: RuntimeStore;
    stages: StageTimings;
    clock: Clock;
    metrics: InMemoryMetrics;
    log: Logger;
    logSink: LogGroupSink;
    tracker: WorkTracker;
    busEvents: BusEvent[];
    hub: ActivityHub;
    lanes: StoreLanes;
    turns: RunTurns;
  },
) {
  const { store, stages, clock, metrics, log, logSink, tracker, busEvents, hub, lanes, turns } =
    deps;
  const recordNotification = stages.wrap(
    'notification_record',
    createRecordNotification({ notifications: store.notifications, clock, metrics, log }),
  );
  const admission = new FairScheduler(options.workflowSlots ?? 12);
  const { deliver, underWay } = busDelivery(executor, {
    ...{ metrics, recordNotification, logSink, admission, lanes, turns },
  });
  const seen = { bus: 0 };
  const keepBusEvents = options.keepBusEvents ?? true;
  const bus = runtimeBus(config, deliver, {
    ...{ tracker, clock, busEvents, hub, listener },
    keep: (event) => {
      seen.bus++;
      if (keepBusEvents) busEvents.push(event);
    },
  });
  return { bus, seen, underWay };
}

/** Run names remembered as succeeded: a repeat of one (a bus retry, a re-drive) is not started. */
const SUCCEEDED_KEPT = 100_000;

/** Delivers a bus event to one rule target: a workflow run, the recording function or a log group. */
export function busDelivery(
  executor: () => LocalExecutor,
  deps: {
    metrics: InMemoryMetrics;
    recordNotification: (event: BusEvent) => Promise<unknown>;
    logSink: LogGroupSink;
    admission: FairScheduler;
    lanes: StoreLanes;
    turns: RunTurns;
  },
) {
  // A name running or finished is not started again, as StartExecution with the same name in
  // AWS; a name whose run failed may start again (the re-drive), since every step is idempotent.
  const running = new Map<string, Promise<ExecutionRecord>>();
  // The events whose runs are in `running` (each event starts one state machine).
  const runningEvents = new Map<string, number>();
  // AWS keeps a finished run's name for 90 days; here the last SUCCEEDED_KEPT names.
  const succeeded = new Set<string>();
  // A flight's runs one at a time, in the order their events came (before taking a slot).
  const perFlight = new KeyLocks();
  const start = async (stateMachine: StateMachineId, event: BusEvent) => {
    const eventId = (event.detail as { event_id?: unknown }).event_id;
    const name = `${stateMachine}-${typeof eventId === 'string' ? eventId : event.id}`;
    if (succeeded.has(name)) return;
    const inFlight = running.get(name);
    if (inFlight) return inFlight;
    deps.metrics.count('WorkflowExecutions');
    const urgent = (event.detail as { terminal_change?: unknown }).terminal_change === true;
    // A run is bulk work, even when ingest (priority) published the event that starts it; all
    // its tasks and store requests take the run's turn.
    const flightId = (event.detail as { flight_id?: unknown }).flight_id;
    const run = deps.lanes.bulkWork(() =>
      deps.turns.within({ owner: name, urgent }, () =>
        perFlight.run(typeof flightId === 'string' ? flightId : undefined, () =>
          deps.admission.run(() => executor().run(stateMachine, name, event), { urgent }),
        ),
      ),
    );
    running.set(name, run);
    const key = typeof eventId === 'string' ? eventId : event.id;
    runningEvents.set(key, (runningEvents.get(key) ?? 0) + 1);
    try {
      const record = await run;
      // The workflow forgets its pending run itself on success (every Succeed state of the ASL
      // follows a deleteItem of it, as in AWS); a failed run stays pending.
      if (record.status === 'SUCCEEDED') {
        succeeded.add(name);
        if (succeeded.size > SUCCEEDED_KEPT)
          succeeded.delete(succeeded.values().next().value as string);
      }
      return record;
    } finally {
      running.delete(name);
      const left = (runningEvents.get(key) ?? 1) - 1;
      if (left > 0) runningEvents.set(key, left);
      else runningEvents.delete(key);
      deps.turns.ended(name);
    }
  };
  const deliver = async (target: RuleTarget, event: BusEvent): Promise<void> => {
    switch (target.kind) {
      case 'state-machine': {
        await start(target.stateMachine, event);
        return;
      }
      case 'function':
        await deps.recordNotification(event);
        return;
      case 'log-group':
        await deps.logSink.write(target.logGroup, event);
        return;
    }
  };
  /** Whether a run of the event is running or queued here (the re-drive leaves it alone). */
  const underWay = (eventId: string) => runningEvents.has(eventId);
  return { deliver, underWay };
}

/** The in-process bus with the project's rules; every event is kept, reported and announced. */
export function runtimeBus(
  config: Config,
  deliver: (target: RuleTarget, event: BusEvent) => Promise<void>,
  deps: {
    tracker: WorkTracker;
    clock: Clock;
    busEvents: BusEvent[];
    hub: ActivityHub;
    listener: ActivityListener;
    keep: (event: BusEvent) => void;
  },
): LocalBus {
  return new LocalBus({
    busName: config.EVENT_BUS_NAME,
    rules: ROUTING_RULES,
    deliver,
    tracker: deps.tracker,
    clock: deps.clock,
    region: config.AWS_REGION,
    onEvent: (event, matched) => {
      deps.keep(event);
      deps.listener.onBusEvent?.(event, matched);
      reportBusEvent(deps.hub, event);
    },
  });
}

/** The ASL executor over the task registry; failed runs go to the workflow dead-letter log. */
export function runtimeExecutor(
  config: Config,
  store: RuntimeStore,
  functions: Map<string, LocalFunction>,
  bus: LocalBus,
  deps: {
    logSink: LogGroupSink;
    workflowDeadLetters: unknown[];
    hub: ActivityHub;
    tracker: WorkTracker;
    clock: Clock;
    executions: ExecutionRecord[] | undefined;
    tally: WorkflowTally;
    onExecution: ((execution: ExecutionRecord) => void) | undefined;
    stages: StageTimings;
    objects: ObjectStore;
    lambdaSlots: TaskSlots;
  },
): LocalExecutor {
  // The workflows' own store tasks (the conditional flight update) count as flight_update.
  const dynamodb = Object.assign(Object.create(store.client) as typeof store.client, {
    send: (command: never) => deps.stages.time('flight_update', () => store.client.send(command)),
  });
  return new LocalExecutor(
    loadWorkflows(STEP_FUNCTIONS_DIR, localSubstitutions(store.tableName, config.EVENT_BUS_NAME)),
    {
      functions,
      dynamodb,
      bus,
      objects: deps.objects,
      lambdaSlots: deps.lambdaSlots,
      // A run's first batch of notifications goes before its other batches compete with it.
      firstItemAlone: [NOTIFICATION_BATCHES],
      sendMessage: async (queueUrl, body) => {
        deps.workflowDeadLetters.push(body);
        await deps.logSink.write('/flightpulse/workflow-dead-letters', { queueUrl, body });
      },
    },
    deps.clock,
    executionRecording({
      executionLog: store.executionLog,
      events: store.events,
      flights: store.flights,
      hub: deps.hub,
      tracker: deps.tracker,
      clock: deps.clock,
      executions: deps.executions,
      tally: deps.tally,
      ...(deps.onExecution ? { onExecution: deps.onExecution } : {}),
    }),
  );
}
