import { Admin } from '@platformatic/kafka';

/** Creates the events topic and its dead-letter topic when missing (local clusters; MSK topics are managed). */
export async function ensureTopics(
  brokers: string[],
  topics: string[],
  partitions: number,
): Promise<void> {
  const admin = new Admin({ clientId: 'flightpulse-admin', bootstrapBrokers: brokers });
  try {
    const existing = new Set((await admin.listTopics()).map(String));
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) await admin.createTopics({ topics: missing, partitions, replicas: 1 });
  } finally {
    await admin.close();
  }
}
