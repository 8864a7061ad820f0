/** A Task state that invokes the test's `work` function with the state's input. */
export const WORK_TASK = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'work', 'Payload.$': '$' },
} as const;
