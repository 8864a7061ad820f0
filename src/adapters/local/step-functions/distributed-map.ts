import { StateMachine } from 'aws-local-stepfunctions';
import pLimit from 'p-limit';
import type { MapRunSummary, StepSummary } from '../../../domain/workflows/execution.ts';
import type { ObjectStore } from '../../../ports.ts';
import { executionFailure } from './execution-failure.ts';
import { asMapItem } from './map-item-scope.ts';
import { MapRun } from './map-run.ts';
import { trackSteps } from './step-progress.ts';
import type { StateDefinition, WorkflowDefinition } from './workflow-definitions.ts';

type Overrides = Record<string, (input: never) => Promise<never>>;
type Context = Record<string, unknown>;

/** What a Map Run reports to its parent run: its summary and its children's steps, folded. */
export interface MapRunReport {
  summary: MapRunSummary;
  steps: StepSummary[];
}

/** One parent run's side of a Distributed Map: its context object and where the Map Run reports. */
export interface ParentRun {
  context: Context;
  onMapRun(report: MapRunReport): void;
}

/** An error with the name Step Functions gives it, so the parent's Catch matches as in AWS. */
class StatesError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const NO_VALIDATION = { validationOptions: { noValidate: true } } as const;
const noop = () => {};

export interface DistributedMapDeps {
  objects: Pick<ObjectStore, 'get'>;
  overrides: Overrides;
  /**
   * The first item runs alone, the others once it ended (a local runtime's choice of pace, as
   * Step Functions paces child executions its own way): a run's first batch of notifications
   * is not slowed by its other batches sharing the one machine.
   */
  firstItemAlone?: boolean;
}
/** Step Functions' default (and largest) number of concurrent child executions. */
const DEFAULT_MAX_CONCURRENCY = 10_000;

/**
 * A Map state in DISTRIBUTED mode, run as Step Functions runs it: the items come from its
 * ItemReader (a JSON array in S3: here the local object store), ItemSelector shapes each one
 * with `$$.Map.Item`, and every item is a child execution of the ItemProcessor with its own
 * context (`StateMachine.Name` is `<machine>/<Label>`), MaxConcurrency at once. A child that
 * fails counts against ToleratedFailurePercentage / ToleratedFailureCount (0 unless given);
 * past them the others are stopped and the Map fails with States.ExceedToleratedFailureThreshold.
 * The output is the children's outputs in item order (no ResultWriter).
 */
export class DistributedMap {
  readonly stateName: string;
  private readonly state: StateDefinition;
  private readonly label: string;
  private readonly machineName: string;
  private readonly processor: StateMachine;
  /** ItemReader's Parameters and ItemSelector, each compiled once. */
  private readonly readerParameters: Template;
  private readonly selector: Template | undefined;
  private readonly deps: DistributedMapDeps;

  constructor(
    stateName: string,
    state: StateDefinition,
    machineName: string,
    deps: DistributedMapDeps,
  ) {
    this.stateName = stateName;
    this.state = state;
    this.label = (state.Label as string | undefined) ?? stateName;
    this.machineName = machineName;
    this.deps = deps;
    const { ProcessorConfig: _config, ...processor } = state.ItemProcessor as WorkflowDefinition;
    this.processor = new StateMachine(processor as never, NO_VALIDATION);
    const reader = state.ItemReader as { Parameters?: unknown };
    this.readerParameters = new Template(reader.Parameters ?? {});
    this.selector = state.ItemSelector === undefined ? undefined : new Template(state.ItemSelector);
  }

  /** The Task state the parent definition runs instead: same paths, Retry, Catch and transition. */
  standIn(): StateDefinition {
    const kept = ['Comment', 'InputPath', 'OutputPath', 'ResultPath', 'ResultSelector'];
    const standIn: StateDefinition = {
      Type: 'Task',
      Resource: `local:distributed-map:${this.label}`,
    };
    for (const key of [...kept, 'Retry', 'Catch', 'Next', 'End'])
      if (this.state[key] !== undefined) standIn[key] = this.state[key];
    return standIn;
  }

  async run(input: unknown, parent: ParentRun): Promise<unknown[]> {
    const items = await this.readItems(input, parent.context);
    const run = new MapRun(items.length, this.state);
    const limit = pLimit(Number(this.state.MaxConcurrency) || DEFAULT_MAX_CONCURRENCY);
    const start = (value: unknown, index: number) =>
      limit(async () => {
        if (run.stopped) return run.skip();
        const selected = await this.select(input, parent.context, value, index);
        // Its tasks can tell which item they serve (the runtime puts a run's first batch first).
        return asMapItem({ label: this.label, index }, () =>
          this.child(selected, index, parent.context, run),
        );
      });
    const [head, ...rest] = items;
    const first = items.length > 0 ? start(head, 0) : undefined;
    // Where asked, the others start once the first item ended, so it has the machine to itself.
    const firstEnded = this.deps.firstItemAlone ? first?.then(noop, noop) : undefined;
    const results = await Promise.all([
      ...(first ? [first] : []),
      ...rest.map((value, i) =>
        firstEnded ? firstEnded.then(() => start(value, i + 1)) : start(value, i + 1),
      ),
    ]);
    parent.onMapRun({ summary: run.summary(this.stateName, this.label), steps: run.steps() });
    if (run.stopped)
      throw new StatesError(
        'States.ExceedToleratedFailureThreshold',
        `${run.failed} of ${items.length} child executions of ${this.label} failed`,
      );
    return results;
  }

  private async readItems(input: unknown, context: Context): Promise<unknown[]> {
    const reader = this.state.ItemReader as { ReaderConfig?: { MaxItems?: number } };
    const { Bucket, Key } = (await this.readerParameters.evaluate(input, context)) as {
      Bucket: string;
      Key: string;
    };
    let items: unknown;
    try {
      items = JSON.parse(await this.deps.objects.get(Bucket, Key));
    } catch (error) {
      throw new StatesError('States.ItemReaderFailed', `s3://${Bucket}/${Key}: ${error}`);
    }
    if (!Array.isArray(items))
      throw new StatesError('States.ItemReaderFailed', `s3://${Bucket}/${Key} is not a JSON array`);
    const max = reader.ReaderConfig?.MaxItems;
    return max ? items.slice(0, max) : items;
  }

  private select(input: unknown, context: Context, value: unknown, index: number) {
    if (this.selector === undefined) return value;
    const item = { Map: { Item: { Index: index, Value: value } } };
    return this.selector.evaluate(input, { ...context, ...item });
  }

  private async child(input: unknown, index: number, context: Context, run: MapRun) {
    const machine = `${this.machineName}/${this.label}`;
    const parentId = (context.Execution as { Id?: string } | undefined)?.Id ?? this.machineName;
    const name = `${this.label}-${index}`;
    const execution = this.processor.run(input as never, {
      overrides: { taskResourceLocalHandlers: this.deps.overrides as never },
      context: {
        Execution: { Id: `${parentId}/${this.label}:${name}`, Name: name, Input: input },
        StateMachine: { Id: machine, Name: machine },
      } as never,
    });
    const stop = run.started(execution.abort);
    let transitions = 0;
    let largest = 0;
    const tracking = trackSteps(execution.eventLogs as AsyncIterable<object>, {
      onTransition: () => transitions++,
      onStepExited: (_steps, bytes) => {
        largest = Math.max(largest, bytes);
      },
    });
    try {
      const output = await execution.result;
      run.succeeded();
      return output;
    } catch (error) {
      run.failedWith(name, executionFailure(error));
      return null;
    } finally {
      stop();
      run.addSteps(await tracking.catch(() => []), transitions, largest);
    }
  }
}

/** A payload template evaluated as Step Functions does (`.$` paths, intrinsics, `$$`): a Pass state's Parameters. */
class Template {
  private readonly pass: StateMachine;

  constructor(template: unknown) {
    this.pass = new StateMachine(
      {
        StartAt: 'Evaluate',
        States: { Evaluate: { Type: 'Pass', Parameters: template as never, End: true } },
      },
      NO_VALIDATION,
    );
  }

  evaluate(input: unknown, context: Context): Promise<unknown> {
    return this.pass.run(input as never, { context: context as never }).result;
  }
}
