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

/**
 * A Distributed Map's run inside a workflow run: its child executions (one per item) and their
 * state transitions, which Step Functions bills and throttles like the parent's own.
 */
export const MapRunSummarySchema = z.object({
  state: z.string(),
  label: z.string(),
  items: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  /** Stopped, or never started, once the failures passed the tolerated threshold. */
  aborted: z.number(),
  state_transitions: z.number(),
  /** The largest state input or output of any child (Step Functions' limit: 256 KB). */
  largest_payload_bytes: z.number(),
  /** The first few failed children, with the error each ended with. */
  failures: z.array(z.object({ execution_name: z.string(), error: z.string(), cause: z.string() })),
});
export type MapRunSummary = z.infer<typeof MapRunSummarySchema>;

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
  /** The run's own transitions; its Distributed Maps' children count theirs in `map_runs`. */
  state_transitions: z.number(),
  steps: z.array(StepSummarySchema),
  /** The largest state input or output of the run itself (Step Functions' limit: 256 KB). */
  largest_payload_bytes: z.number().optional(),
  map_runs: z.array(MapRunSummarySchema).optional(),
});
export type ExecutionSummary = z.infer<typeof ExecutionSummarySchema>;
