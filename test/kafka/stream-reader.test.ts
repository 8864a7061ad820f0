import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AttributeValue,
  CreateTableCommand,
  DynamoDBClient,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbStreamReader } from '../../src/adapters/dynamodb/dynamodb-stream-reader.ts';
import { DYNAMODB_ENDPOINT, requireInfrastructure } from './real-infrastructure.ts';

beforeAll(requireInfrastructure);

const connection = {
  endpoint: DYNAMODB_ENDPOINT,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};
const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('the stream reader on DynamoDB Local', () => {
  it('hands over empty maps as maps and dead-letters a record the handler keeps failing', async () => {
    const dynamodb = new DynamoDBClient(connection);
    const tableName = `StreamReader-${Date.now()}`;
    await dynamodb.send(
      new CreateTableCommand({
        TableName: tableName,
        KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    const put = (item: Record<string, AttributeValue>) =>
      dynamodb.send(new PutItemCommand({ TableName: tableName, Item: item }));
    await put({ PK: { S: 'poison' } });
    await put({ PK: { S: 'weather' }, crosswind: { M: {} }, runways: { M: { x: { M: {} } } } });

    const handled: Array<Record<string, unknown>> = [];
    const dir = mkdtempSync(join(tmpdir(), 'flightpulse-stream-'));
    const deadLetterFile = join(dir, 'dead-letters', 'stream.jsonl');
    const reader = new DynamoDbStreamReader({
      dynamodb,
      streams: new DynamoDBStreamsClient(connection),
      tableName,
      checkpointFile: join(dir, 'checkpoints.json'),
      deadLetterFile,
      retryAttempts: 1,
      pollMs: 50,
      log: silent,
      handle: async (records: DynamoDBRecord[]) => {
        const failures: Array<{ itemIdentifier: string }> = [];
        for (const record of records) {
          const image = unmarshall(record.dynamodb?.NewImage as Record<string, AttributeValue>);
          if (image.PK === 'poison')
            failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
          else handled.push(image);
        }
        return { batchItemFailures: failures };
      },
    });
    await reader.start();
    try {
      await reader.caughtUp();
    } finally {
      await reader.stop();
    }

    expect(handled).toEqual([{ PK: 'weather', crosswind: {}, runways: { x: {} } }]);
    const dead = readFileSync(deadLetterFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(dead).toHaveLength(1);
    expect(dead[0].reason).toBe('stream handler failed 2 times');
    expect(dead[0].record.dynamodb.Keys).toEqual({ PK: { S: 'poison' } });
  });
});
