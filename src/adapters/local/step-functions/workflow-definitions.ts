import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import aslValidator from 'asl-validator';
import type { StateMachineId } from '../../../domain/event-routing/routing-rules.ts';
import { TASK_FUNCTIONS, WORKFLOWS } from '../../../domain/workflows/task-functions.ts';
import { workflowSubstitutions } from '../../../domain/workflows/workflow-substitutions.ts';

export type StateDefinition = Record<string, unknown> & { Type: string };
export interface WorkflowDefinition {
  Comment?: string;
  StartAt: string;
  States: Record<string, StateDefinition>;
  [key: string]: unknown;
}

export interface LoadedWorkflow {
  id: StateMachineId;
  name: string;
  definition: WorkflowDefinition;
}

export class UnsupportedWorkflowError extends Error {
  override name = 'UnsupportedWorkflowError';
}

/** The local stand-in for the workflow dead-letter queue's URL. */
export const LOCAL_WORKFLOW_DLQ = 'local://flightpulse-workflow-dlq';

/** The `${...}` substitutions CDK makes with ARNs; locally they are function and resource names. */
export function localSubstitutions(tableName: string, busName: string): Record<string, string> {
  return workflowSubstitutions({
    tableName,
    busName,
    deadLetterQueueUrl: LOCAL_WORKFLOW_DLQ,
    functionOf: (id) => TASK_FUNCTIONS[id].functionName,
  });
}

export function substitute(text: string, substitutions: Record<string, string>): string {
  return text.replace(/\$\{([A-Za-z0-9]+)\}/g, (match, name: string) => {
    const value = substitutions[name];
    if (value === undefined) throw new UnsupportedWorkflowError(`no substitution for ${match}`);
    return value;
  });
}

/**
 * Reads the ASL files, substitutes, validates them and refuses what the local executor cannot
 * run faithfully (JSONata, ItemBatcher, ResultWriter, an ItemReader other than a JSON object in
 * S3, EXPRESS children), so nothing diverges silently.
 */
export function loadWorkflows(
  directory: string,
  substitutions: Record<string, string>,
): LoadedWorkflow[] {
  return WORKFLOWS.map(({ id, name, file }) => {
    const definition = JSON.parse(
      substitute(readFileSync(join(directory, file), 'utf8'), substitutions),
    ) as WorkflowDefinition;
    const { isValid, errorsText } = aslValidator(definition);
    if (!isValid) throw new UnsupportedWorkflowError(`${file} is not valid ASL: ${errorsText()}`);
    assertLocallyRunnable(definition, file);
    return { id, name, definition };
  });
}

function assertLocallyRunnable(definition: WorkflowDefinition, file: string): void {
  if (definition.QueryLanguage === 'JSONata')
    throw new UnsupportedWorkflowError(`${file}: JSONata is not supported`);
  for (const [name, state] of allStates(definition)) {
    const where = `${file}: state "${name}"`;
    if (state.QueryLanguage === 'JSONata')
      throw new UnsupportedWorkflowError(`${where} uses JSONata`);
    if (state.ItemBatcher) throw new UnsupportedWorkflowError(`${where} uses ItemBatcher`);
    if (state.ResultWriter) throw new UnsupportedWorkflowError(`${where} uses ResultWriter`);
    const config = (state.ItemProcessor as { ProcessorConfig?: ProcessorConfig } | undefined)
      ?.ProcessorConfig;
    if (config?.Mode === 'DISTRIBUTED') assertDistributedRunnable(state, where, config);
    else if (state.ItemReader)
      throw new UnsupportedWorkflowError(`${where} uses ItemReader in an inline Map`);
  }
}

interface ProcessorConfig {
  Mode?: string;
  ExecutionType?: string;
}

/** A Distributed Map the executor runs as AWS does: STANDARD children over a JSON array in S3. */
function assertDistributedRunnable(
  state: StateDefinition,
  where: string,
  config: ProcessorConfig,
): void {
  // EXPRESS children have other semantics (at-least-once starts, a 5-minute limit).
  if (config.ExecutionType !== 'STANDARD')
    throw new UnsupportedWorkflowError(`${where}: only STANDARD child executions run locally`);
  const reader = state.ItemReader as
    | { Resource?: string; ReaderConfig?: { InputType?: string } }
    | undefined;
  if (
    reader?.Resource !== 'arn:aws:states:::s3:getObject' ||
    reader.ReaderConfig?.InputType !== 'JSON'
  )
    throw new UnsupportedWorkflowError(
      `${where}: a Distributed Map must read a JSON array from S3 (ItemReader s3:getObject, InputType JSON)`,
    );
  if (state.ItemsPath || state.Parameters)
    throw new UnsupportedWorkflowError(`${where}: use ItemReader and ItemSelector`);
}

/** Every state, including those inside Map and Parallel states. */
export function allStates(
  definition: Pick<WorkflowDefinition, 'States'>,
): Array<[string, StateDefinition]> {
  const found: Array<[string, StateDefinition]> = [];
  for (const [name, state] of Object.entries(definition.States)) {
    found.push([name, state]);
    const processor = (state.ItemProcessor ?? state.Iterator) as WorkflowDefinition | undefined;
    if (processor) found.push(...allStates(processor));
    for (const branch of (state.Branches as WorkflowDefinition[] | undefined) ?? [])
      found.push(...allStates(branch));
  }
  return found;
}
