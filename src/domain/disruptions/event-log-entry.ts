import { z } from 'zod';

/**
 * What became of one inbound record: ingest accepted, de-duplicated or rejected it; STALE is an
 * event older than one already applied to its flight, SUPPRESSED a delay or gate change after a
 * cancellation (both recorded, nothing sent); IGNORED is an accepted event its workflow then
 * left alone.
 */
export const EventOutcomeSchema = z.enum([
  'ACCEPTED',
  'DUPLICATE',
  'REJECTED',
  'IGNORED',
  'STALE',
  'SUPPRESSED',
]);
export type EventOutcome = z.infer<typeof EventOutcomeSchema>;

/** Where a record sat in Kafka (or the embedded feed). */
export const KafkaCoordinatesSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  offset: z.string(),
});
export type KafkaCoordinates = z.infer<typeof KafkaCoordinatesSchema>;

/** One inbound record and its outcome, as `GET /events` lists it. */
export const EventLogEntrySchema = z.object({
  event_id: z.string().optional(),
  flight_id: z.string().optional(),
  event_type: z.string().optional(),
  detail_type: z.string().optional(),
  outcome: EventOutcomeSchema,
  reason: z.string().optional(),
  received_at: z.string(),
  kafka: KafkaCoordinatesSchema,
});
/** The stored entry also keeps the raw record of a rejected one, for the dead-letter view. */
export type EventLogEntry = z.infer<typeof EventLogEntrySchema> & {
  raw?: string;
  /** The rejected record's size in bytes (the copy may be truncated). */
  raw_bytes?: number;
};
