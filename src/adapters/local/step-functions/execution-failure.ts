/** The `error` and `cause` of a failed run, as Step Functions reports them in DescribeExecution. */
export function executionFailure(error: unknown): { error: string; cause: string } {
  const failure = error as {
    name?: string;
    message?: string;
    cause?: { name?: string; message?: string };
  };
  return {
    error: failure.cause?.name ?? failure.name ?? 'Error',
    cause: failure.cause?.message ?? failure.message ?? String(error),
  };
}

export class UnknownStateMachineError extends Error {
  override name = 'UnknownStateMachineError';
}

/** The executor resolves Task resources by state name, so names must be unique per machine. */
export class DuplicateTaskStateError extends Error {
  override name = 'DuplicateTaskStateError';
}
