import { StateMachine } from 'aws-local-stepfunctions';
import pLimit from 'p-limit';
import type { StateMachineId } from '../../../domain/event-routing/routing-rules.ts';
import type { ExecutionSummary, StepSummary } from '../../../domain/workflows/execution.ts';
import type { Clock, ObjectStore } from '../../../ports.ts';
import { DistributedMap, type DistributedMapDeps, type MapRunReport } from './distributed-map.ts';
import {
  DuplicateTaskStateError,
  executionFailure,
  UnknownStateMachineError,
} from './execution-failure.ts';
import { trackSteps } from './step-progress.ts';
import { type TaskResourceDeps, taskResolver } from './task-resources.ts';
import { boundedTask, type TaskSlots, takeTimeout } from './task-timeout.ts';
import { allStates, type LoadedWorkflow, type WorkflowDefinition } from './workflow-definitions.ts';

/** A run as the executor tracks it: the stored summary's fields plus its input, output and error. */
export interface ExecutionRecord extends Omit<ExecutionSummary, 'flight_id' | 'event_id'> {
  error?: string;
  cause?: string;
  input: unknown;
  output?: unknown;
}

export interface ExecutionObserver {
  /** A run started or ended (persist it). */
  onChange?(record: ExecutionRecord): void;
  /** A step finished (live progress only). */
  onStep?(record: ExecutionRecord): void;
}

type Overrides = Record<string, (input: never) => Promise<never>>;

const DEFAULT_LAMBDA_CONCURRENCY = 8;

interface Machine {
  name: string;
  machine: StateMachine;
  overrides: Overrides;
  /** Its Distributed Map states, run by distributed-map.ts in place of the library. */
  maps: DistributedMap[];
}

/**
 * Runs the ASL workflows in this process with aws-local-stepfunctions. Every Task state is
 * bound to a local implementation derived from its Resource (see task-resources.ts), never
 * by hand, and every run is summarised step by step for the console and the demo.
 */
export class LocalExecutor {
  private readonly machines = new Map<StateMachineId, Machine>();

  private readonly clock: Clock;
  private readonly observer: ExecutionObserver;

  constructor(
    workflows: LoadedWorkflow[],
    deps: TaskResourceDeps & {
      /** Lambda invocations running at once in this process (default 8). */
      lambdaConcurrency?: number;
      /** Where Lambda invocations wait for a slot instead (a fair scheduler), if given. */
      lambdaSlots?: TaskSlots;
      /** The local S3 the Distributed Maps' ItemReaders read. */
      objects: Pick<ObjectStore, 'get'>;
      /** Labels of the Distributed Maps whose first item runs before the others start. */
      firstItemAlone?: readonly string[];
    },
    clock: Clock,
    observer: ExecutionObserver = {},
  ) {
    this.clock = clock;
    this.observer = observer;
    const slots = deps.lambdaSlots ?? pLimit(deps.lambdaConcurrency ?? DEFAULT_LAMBDA_CONCURRENCY);
    for (const { id, name, definition: loaded } of workflows) {
      // Timeouts are kept here, not by the library: they start when the invocation runs.
      const definition = structuredClone(loaded);
      const overrides: Overrides = {};
      for (const [stateName, state] of allStates(definition)) {
        if (state.Type !== 'Task') continue;
        if (overrides[stateName])
          throw new DuplicateTaskStateError(
            `${name}: Task state name "${stateName}" is not unique`,
          );
        const resource = String(state.Resource);
        overrides[stateName] = boundedTask(taskResolver(resource, deps), {
          timeoutSeconds: takeTimeout(state),
          slots: resource.includes(':lambda:') ? slots : undefined,
        }) as unknown as Overrides[string];
      }
      const maps = distributedMaps(definition, name, {
        objects: deps.objects,
        overrides,
        firstItemAlone: deps.firstItemAlone ?? [],
      });
      // Validated once at load (workflow-definitions.ts); the library need not do it per run.
      const machine = new StateMachine(definition as never, {
        validationOptions: { noValidate: true },
      });
      this.machines.set(id, { name, machine, overrides, maps });
    }
  }

  nameOf(id: StateMachineId): string {
    const entry = this.machines.get(id);
    if (!entry) throw new UnknownStateMachineError(`unknown state machine ${id}`);
    return entry.name;
  }

  /** Starts an execution and resolves with its final record (it never rejects for a failed run). */
  async run(id: StateMachineId, executionName: string, input: unknown): Promise<ExecutionRecord> {
    const entry = this.machines.get(id);
    if (!entry) throw new UnknownStateMachineError(`unknown state machine ${id}`);
    const record: ExecutionRecord = {
      execution_name: executionName,
      state_machine: entry.name,
      status: 'RUNNING',
      started_at: this.clock.now(),
      state_transitions: 0,
      steps: [],
      input,
    };
    this.observer.onChange?.(record);
    const context = {
      Execution: {
        Id: executionName,
        Name: executionName,
        Input: input,
        StartTime: record.started_at,
      },
      StateMachine: { Id: entry.name, Name: entry.name },
    };
    const mapRuns: MapRunReport[] = [];
    const overrides = { ...entry.overrides };
    for (const map of entry.maps) {
      const parent = { context, onMapRun: (report: MapRunReport) => mapRuns.push(report) };
      overrides[map.stateName] = ((mapInput: unknown) =>
        map.run(mapInput, parent)) as unknown as Overrides[string];
    }
    const execution = entry.machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: overrides as never },
      context: context as never,
    });
    const steps: StepSummary[] = [];
    const tracking = trackSteps(execution.eventLogs as AsyncIterable<object>, {
      onTransition: () => {
        record.state_transitions++;
      },
      onStepExited: (current, bytes) => {
        record.largest_payload_bytes = Math.max(record.largest_payload_bytes ?? 0, bytes);
        if (!this.observer.onStep) return;
        record.steps = current;
        this.observer.onStep(record);
      },
    }).then((summary) => steps.push(...summary));
    try {
      record.output = await execution.result;
      record.status = 'SUCCEEDED';
    } catch (error) {
      record.status = 'FAILED';
      Object.assign(record, executionFailure(error));
    }
    await tracking.catch(() => undefined);
    record.ended_at = this.clock.now();
    record.duration_ms = Date.parse(record.ended_at) - Date.parse(record.started_at);
    record.steps = withChildSteps(steps, entry.maps, mapRuns);
    if (mapRuns.length > 0) record.map_runs = mapRuns.map((r) => r.summary);
    this.observer.onChange?.(record);
    return record;
  }
}

/** Replaces each Distributed Map state of `definition` by its Task stand-in, returning the maps. */
function distributedMaps(
  definition: WorkflowDefinition,
  machineName: string,
  deps: Omit<DistributedMapDeps, 'firstItemAlone'> & { firstItemAlone: readonly string[] },
): DistributedMap[] {
  const maps: DistributedMap[] = [];
  for (const [stateName, state] of allStates(definition)) {
    const processor = state.ItemProcessor as { ProcessorConfig?: { Mode?: string } } | undefined;
    if (state.Type !== 'Map' || processor?.ProcessorConfig?.Mode !== 'DISTRIBUTED') continue;
    const label = (state.Label as string | undefined) ?? stateName;
    const map = new DistributedMap(stateName, structuredClone(state), machineName, {
      ...deps,
      firstItemAlone: deps.firstItemAlone.includes(label),
    });
    for (const key of Object.keys(state)) delete state[key];
    Object.assign(state, map.standIn());
    takeTimeout(state);
    maps.push(map);
  }
  return maps;
}

/**
 * The run's steps with each Distributed Map shown as a Map and its children's steps, folded
 * over all children, right after it (as the console shows a Map Run beside its parent).
 */
function withChildSteps(
  steps: StepSummary[],
  maps: DistributedMap[],
  runs: MapRunReport[],
): StepSummary[] {
  const mapNames = new Set(maps.map((m) => m.stateName));
  return steps.flatMap((step) => {
    if (!mapNames.has(step.name)) return [step];
    const children = runs.filter((r) => r.summary.state === step.name).flatMap((r) => r.steps);
    return [{ ...step, type: 'Map' }, ...children];
  });
}
