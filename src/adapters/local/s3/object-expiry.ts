import type { Log } from '../../../ports.ts';
import { oneAtATime, repeatEvery } from '../periodic.ts';
import type { DirectoryObjectStore } from './directory-object-store.ts';

export interface ObjectExpiryRule {
  bucket: string;
  prefix: string;
  days: number;
}

/**
 * An S3 lifecycle rule, locally: the directory store keeps every object forever, so this deletes
 * those under the rule's prefix older than its days on an interval, as the bucket's rule does in
 * AWS; once at start too, or a runtime restarted within the interval would never sweep. Returns
 * `sweep` (one at a time; how many objects went) and what stops it (after a sweep under way).
 */
export function startObjectExpiry(
  objects: Pick<DirectoryObjectStore, 'deleteWrittenBefore'>,
  rule: ObjectExpiryRule,
  deps: { log: Log; intervalMs: number },
) {
  const sweep = oneAtATime(async () => {
    // The file's own time against the machine's, not the runtime's clock (a test may move that).
    const before = new Date(Date.now() - rule.days * 86_400_000);
    const deleted = await objects.deleteWrittenBefore(rule.bucket, rule.prefix, before);
    if (deleted > 0) deps.log.info('expired objects deleted', { ...rule, deleted });
    return deleted;
  });
  const failed = (error: unknown) =>
    deps.log.warn('object expiry failed', { bucket: rule.bucket, error: String(error) });
  const stopTimer = repeatEvery(deps.intervalMs, sweep, failed);
  if (deps.intervalMs > 0) sweep().catch(failed);
  return {
    sweep,
    stop: async () => {
      stopTimer();
      await sweep.settled();
    },
  };
}
