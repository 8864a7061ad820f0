import { z } from 'zod';
import { CabinSchema } from '../domain/rebooking/cabin.ts';
import { FlightIdSchema } from '../domain/records/flight.ts';

/** What the offer routes accept: one schema per body and header, shared with the API document. */
export const AcceptSchema = z.object({ option_id: z.string().min(1).max(200) });
export const DeclineSchema = z.object({ choice: z.enum(['refund', 'agent']) });
export const RebookSchema = z.object({
  flight_ids: z.array(FlightIdSchema).min(1).max(4),
  cabin: CabinSchema,
});
export const IdempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,128}$/, '1–128 letters, digits, _ . : -');
