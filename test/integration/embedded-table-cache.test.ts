import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBServiceException,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../src/adapters/dynamodb/document-client.ts';
import {
  type EmbeddedDynamoDb,
  startEmbeddedDynamoDb,
} from '../../src/adapters/local/dynamodb/embedded-dynamodb.ts';

let store: EmbeddedDynamoDb;
let client: ReturnType<typeof createDynamoDbClient>;
let doc: ReturnType<typeof createDocumentClient>;

beforeAll(async () => {
  store = await startEmbeddedDynamoDb();
  client = createDynamoDbClient({ endpoint: store.endpoint });
  doc = createDocumentClient(client);
});
afterAll(async () => {
  client?.destroy();
  await store?.close();
});

const errorName = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: unknown) => (error instanceof DynamoDBServiceException ? error.name : String(error)),
  );

const createTable = (TableName: string, keys: string[]) =>
  client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: keys.map((AttributeName, i) => ({
        AttributeName,
        KeyType: i === 0 ? 'HASH' : 'RANGE',
      })),
    }),
  );

describe('table descriptions the embedded store keeps in memory', () => {
  it('are forgotten when the table is deleted and created again with another key', async () => {
    const TableName = 'Recreated';
    await createTable(TableName, ['PK']);
    await doc.send(new PutCommand({ TableName, Item: { PK: 'a', v: 1 } }));

    await client.send(new DeleteTableCommand({ TableName }));
    expect(await errorName(doc.send(new PutCommand({ TableName, Item: { PK: 'a' } })))).toBe(
      'ResourceNotFoundException',
    );

    await createTable(TableName, ['PK', 'SK']);
    // The key is the new table's: the old one would take this item.
    expect(await errorName(doc.send(new PutCommand({ TableName, Item: { PK: 'a' } })))).toBe(
      'ValidationException',
    );
    await doc.send(new PutCommand({ TableName, Item: { PK: 'a', SK: 'b', v: 2 } }));
    const { Item } = await doc.send(new GetCommand({ TableName, Key: { PK: 'a', SK: 'b' } }));
    expect(Item).toEqual({ PK: 'a', SK: 'b', v: 2 });
  });

  it('follow an update of the table', async () => {
    const TableName = 'Updated';
    await createTable(TableName, ['PK']);
    await doc.send(new PutCommand({ TableName, Item: { PK: 'a' } }));
    await client.send(
      new UpdateTableCommand({
        TableName,
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      }),
    );
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PROVISIONED');
    expect(Table?.ProvisionedThroughput?.ReadCapacityUnits).toBe(5);
  });
});
