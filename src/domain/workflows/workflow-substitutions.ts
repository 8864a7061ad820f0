import { TASK_FUNCTIONS, type TaskFunctionId } from './task-functions.ts';

/** Where a deployment's workflows find their table, bus, dead-letter queue and task functions. */
export interface WorkflowTargets {
  tableName: string;
  busName: string;
  deadLetterQueueUrl: string;
  /** The function each Lambda task invokes: an ARN in AWS, a function name locally. */
  functionOf: (id: TaskFunctionId) => string;
}

/**
 * The `${...}` substitutions of the ASL files, built the same way for CDK
 * (`DefinitionBody.fromFile`) and for the local executor, so both run the same definition.
 */
export function workflowSubstitutions(targets: WorkflowTargets): Record<string, string> {
  const substitutions: Record<string, string> = {
    TableName: targets.tableName,
    EventBusName: targets.busName,
    WorkflowDeadLetterQueueUrl: targets.deadLetterQueueUrl,
  };
  for (const id of Object.keys(TASK_FUNCTIONS) as TaskFunctionId[]) {
    substitutions[TASK_FUNCTIONS[id].substitution] = targets.functionOf(id);
  }
  return substitutions;
}
