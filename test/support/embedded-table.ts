import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../src/adapters/dynamodb/document-client.ts';
import { ensureTable } from '../../src/adapters/dynamodb/ensure-table.ts';
import { SingleTable } from '../../src/adapters/dynamodb/single-table.ts';
import { startEmbeddedDynamoDb } from '../../src/adapters/local/dynamodb/embedded-dynamodb.ts';

export interface EmbeddedTable {
  /** Where dynalite listens, e.g. `http://127.0.0.1:40123`. */
  endpoint: string;
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  /** The table as the stores use it. */
  table: SingleTable;
  /** dynalite's own process, with `ownProcess`. */
  pid: number | undefined;
  /** The LevelDB directory the store keeps its data in. */
  path: string;
  /** Stops dynalite and removes its directory. */
  close(): Promise<void>;
}

/**
 * dynalite on disk in a fresh temporary directory with the application's table `name` created
 * as the runtime creates it (its indexes included).
 */
export async function startEmbeddedTable(
  name: string,
  options: { ownProcess?: boolean } = {},
): Promise<EmbeddedTable> {
  const dir = mkdtempSync(join(tmpdir(), 'flightpulse-table-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const path = join(dir, 'db');
  const dynamo = await startEmbeddedDynamoDb(path, options).catch((error: unknown) => {
    removeDir();
    throw error;
  });
  const client = createDynamoDbClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
  const close = async () => {
    client.destroy();
    try {
      await dynamo.close();
    } finally {
      removeDir();
    }
  };
  try {
    await ensureTable(client, name);
  } catch (error) {
    await close();
    throw error;
  }
  const doc = createDocumentClient(client);
  return {
    endpoint: dynamo.endpoint,
    client,
    doc,
    table: new SingleTable(doc, name),
    pid: dynamo.pid,
    path,
    close,
  };
}

/** The booking ids the status index (GSI2) lists under `status`: what a status listing shows. */
export function statusListing(doc: DynamoDBDocumentClient, table: string) {
  return async (status: string): Promise<unknown[]> =>
    (
      await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :s',
          ExpressionAttributeValues: { ':s': status },
        }),
      )
    ).Items?.map((i) => i.booking_id) ?? [];
}
