/**
 * Runs each step in turn, whatever the earlier ones did, and then throws the first error (all of
 * them, when several failed): a part that fails to close leaves the others to close.
 */
export async function eachInTurn(steps: ReadonlyArray<() => unknown>): Promise<void> {
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} parts failed to close`);
}
