import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
export const DYNAMODB_ENDPOINT = process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000';

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Fails (never skips) when the real infrastructure is not there. */
export async function requireInfrastructure(): Promise<void> {
  const [kafkaHost, kafkaPort] = KAFKA_BROKERS.split(',')[0]?.split(':') ?? [];
  const dynamo = new URL(DYNAMODB_ENDPOINT);
  const missing: string[] = [];
  if (!(await reachable(kafkaHost ?? '127.0.0.1', Number(kafkaPort))))
    missing.push(`Kafka at ${KAFKA_BROKERS}`);
  if (!(await reachable(dynamo.hostname, Number(dynamo.port))))
    missing.push(`DynamoDB Local at ${DYNAMODB_ENDPOINT}`);
  if (missing.length > 0) {
    throw new Error(`${missing.join(' and ')} not reachable: run \`npm run infra:up\` first`);
  }
}

/** Environment for a runtime on the real infrastructure, isolated by its own table, topic and group. */
export function isolatedEnv(
  name: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const run = `${name}-${Date.now()}`;
  return {
    KAFKA_BROKERS,
    DYNAMODB_ENDPOINT,
    TABLE_NAME: `FlightPulse-${run}`,
    KAFKA_TOPIC: `flight-operations-${run}`,
    KAFKA_GROUP_ID: `flightpulse-${run}`,
    FLIGHTPULSE_DATA_DIR: mkdtempSync(join(tmpdir(), `flightpulse-${name}-`)),
    LOG_LEVEL: 'SILENT',
    // The fixtures are stamped January 2025: older than the default 7-day age guard.
    FLIGHTPULSE_MAX_EVENT_AGE_HOURS: '100000',
    ...extra,
  };
}
