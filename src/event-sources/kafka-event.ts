import { z } from 'zod';

/** The Lambda event for MSK and self-managed Kafka: records grouped by "topic-partition". */
export const KafkaRecordSchema = z.object({
  topic: z.string(),
  partition: z.number().int().min(0),
  offset: z.union([z.number(), z.string()]).transform(String),
  timestamp: z.number().optional(),
  timestampType: z.string().optional(),
  key: z.string().nullable().optional(),
  value: z.string().nullable(),
  headers: z.array(z.record(z.string(), z.array(z.number()))).optional(),
});
export const KafkaEventSchema = z.object({
  eventSource: z.enum(['aws:kafka', 'SelfManagedKafka']),
  eventSourceArn: z.string().optional(),
  bootstrapServers: z.string().optional(),
  records: z.record(z.string(), z.array(KafkaRecordSchema)),
});
export type KafkaRecord = z.infer<typeof KafkaRecordSchema>;
export type KafkaEvent = z.input<typeof KafkaEventSchema>;
