import type { KafkaEvent, KafkaRecord } from '../../event-sources/kafka-event.ts';

/** A consumed Kafka message, as any client reports it. */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: bigint;
  timestamp: bigint;
  key?: Buffer | undefined;
  value?: Buffer | undefined;
}

/** Builds the event Lambda's Kafka event source would deliver for these messages. */
export function toKafkaEvent(messages: ConsumedMessage[], bootstrapServers: string): KafkaEvent {
  const records: Record<string, KafkaRecord[]> = {};
  for (const m of messages) {
    const key = `${m.topic}-${m.partition}`;
    const partition = records[key] ?? [];
    records[key] = partition;
    partition.push({
      topic: m.topic,
      partition: m.partition,
      offset: String(m.offset),
      timestamp: Number(m.timestamp),
      timestampType: 'CREATE_TIME',
      key: m.key && m.key.length > 0 ? m.key.toString('base64') : null,
      value: (m.value ?? Buffer.alloc(0)).toString('base64'),
      headers: [],
    });
  }
  return { eventSource: 'SelfManagedKafka', bootstrapServers, records };
}
