import { z } from 'zod';

/** A workflow run's status, as Step Functions reports it (the subset FlightPulse uses). */
export const ExecutionStatusSchema = z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']);
export type ExecutionStatus = z.infer<typeof ExecutionStatusSchema>;

/** One state of a run: how often it was entered and failed, and when. */
export const StepSummarySchema = z
  .object({
    name: z.string(),
    type: z.string(),
    entered: z.number(),
    failed: z.number(),
    started_at: z.string().optional(),
    ended_at: z.string().optional(),
  })
  .loose();
export type StepSummary = z.infer<typeof StepSummarySchema>;

/** A workflow run as the execution log stores it and the API, console and demo read it back. */
export const ExecutionSummarySchema = z.object({
  execution_name: z.string(),
  state_machine: z.string(),
  status: ExecutionStatusSchema,
  flight_id: z.string(),
  event_id: z.string(),
  started_at: z.string(),
  ended_at: z.string().optional(),
  duration_ms: z.number().optional(),
  state_transitions: z.number(),
  steps: z.array(StepSummarySchema),
});
export type ExecutionSummary = z.infer<typeof ExecutionSummarySchema>;
