import type { z } from 'zod';
import { apiError } from './api-error.ts';

/** A JSON request body checked with a schema, or a 400 naming what is wrong. */
export async function jsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.infer<S>> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw apiError(400, 'Invalid JSON body');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw apiError(400, 'Invalid body', {
      reasons: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`),
    });
  return parsed.data;
}
