/** A command used wrongly (bad flag or value): one line without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A command that could not do its work for a reason the user can act on: one line, exit code 1. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
}
