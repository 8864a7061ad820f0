import type { z } from 'zod';

/**
 * A validation failure in one line, each issue as `path: message` — how every boundary
 * (ingest, API, Lambda environment, model answers) reports what was wrong.
 */
export function describeIssues(error: z.ZodError, root = '(value)'): string {
  return error.issues.map((i) => `${i.path.join('.') || root}: ${i.message}`).join('; ');
}
