import { z } from 'zod';

/** The pieces every operation of the API document is declared with. */

/** The body of every error answer: what is wrong, and which parameter when one is. */
export const ErrorSchema = z
  .object({
    error: z.string(),
    parameter: z.string().optional(),
    reasons: z.array(z.string()).optional(),
  })
  .loose();
/** A page of a list: its items, how many it holds (not a total) and the cursor to the next. */
export const page = (name: string, item: z.ZodType) =>
  z.object({
    [name]: z.array(item),
    returned: z.number().int().describe('items on this page; not a total'),
    next_cursor: z.string().nullable().describe('cursor of the next page; null on the last'),
  });
export const PageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .describe('page size, 1–200 (default 50)'),
  cursor: z.string().optional().describe('opaque cursor from next_cursor'),
};

export interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  params?: Record<string, z.ZodType>;
  query?: Record<string, z.ZodType>;
  /** Request headers the route reads (e.g. Idempotency-Key); required unless optional. */
  headers?: Record<string, z.ZodType>;
  body?: z.ZodType;
  /** Named request examples (each is called by the contract test). */
  examples?: Record<string, { summary: string; value: unknown }>;
  ok: { status: number; schema: z.ZodType };
  /** Other successful answers (a replay, an answer that waits for a person). */
  also?: Array<{ status: number; description: string; schema: z.ZodType }>;
  errors: number[];
  /** Error answers whose body says more than `{error}` (e.g. a 409 with what remains). */
  errorSchemas?: Partial<Record<number, z.ZodType>>;
  /**
   * Served only by `flightpulse start`: the embedded feed. In AWS events arrive through Kafka,
   * so API Gateway has no such method.
   */
  embeddedOnly?: true;
}
