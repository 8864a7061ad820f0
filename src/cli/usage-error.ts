/** A command used wrongly; its message is shown without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
