import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { connectionOptions } from '../adapters/dynamodb/document-client.ts';
import { DynamoDbStreamReader } from '../adapters/dynamodb/dynamodb-stream-reader.ts';
import { tapChangeFeed } from '../adapters/local/dynamodb/change-feed-tap.ts';
import type { WorkTracker } from '../adapters/local/work-tracker.ts';
import { raisesSecondaryEvents } from '../domain/event-routing/stream-changes.ts';
import type { Log } from '../ports.ts';
import type { Config } from './config.ts';
import type { RuntimeStore } from './runtime-store.ts';
import type { StageTimings } from './stage-timings.ts';

/**
 * Feeds table changes to the stream handler. dynalite has no streams, so its writes are tapped;
 * a real endpoint (DynamoDB Local, AWS) has the stream itself, read with a checkpoint file.
 * Returns the stream reader when there is one (to wait for it and stop it).
 */
export async function startChangeFeed(
  config: Config,
  store: RuntimeStore,
  handle: (
    records: DynamoDBRecord[],
  ) => Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }>,
  { tracker, log, stages }: { tracker: WorkTracker; log: Log; stages: StageTimings },
): Promise<DynamoDbStreamReader | undefined> {
  if (!config.DYNAMODB_ENDPOINT) {
    tapChangeFeed(
      store.client,
      store.reader,
      store.tableName,
      (records: DynamoDBRecord[]) => tracker.track(handle(records)),
      {
        region: config.AWS_REGION,
        onTapped: (ms) => stages.add('change_feed', ms),
        // The stream handler turns only bookings' and flights' changes into events.
        watches: raisesSecondaryEvents,
      },
    );
    return undefined;
  }
  const streamReader = new DynamoDbStreamReader({
    dynamodb: store.reader,
    streams: new DynamoDBStreamsClient({ ...connectionOptions(store.connection) }),
    tableName: store.tableName,
    checkpointFile: join(config.FLIGHTPULSE_DATA_DIR, `stream-checkpoints-${store.tableName}.json`),
    handle,
    log,
    deadLetterFile: join(
      config.FLIGHTPULSE_DATA_DIR,
      'dead-letters',
      `stream-${store.tableName}.jsonl`,
    ),
  });
  mkdirSync(config.FLIGHTPULSE_DATA_DIR, { recursive: true });
  await streamReader.start();
  return streamReader;
}
