import type { z } from 'zod';
import { apiError } from './api-error.ts';

/** Parses a path or query value with a schema, answering 400 with the reason when it fails. */
export function parseParam<S extends z.ZodType>(
  schema: S,
  value: unknown,
  name: string,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw apiError(400, `Invalid ${name}`, {
      parameter: name,
      reasons: result.error.issues.map((i) => i.message),
    });
  }
  return result.data;
}
