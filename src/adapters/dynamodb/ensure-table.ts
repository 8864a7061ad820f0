import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from './table-definition.ts';

/** Creates the table and its indexes when missing and waits until it is active. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const definition = tableDefinition(tableName);
  try {
    await client.send(new CreateTableCommand(definition));
  } catch (error) {
    // Stores without streams (dynalite) reject StreamSpecification; the local runtime taps writes instead.
    if (!(error instanceof Error) || !/stream/i.test(error.message)) throw error;
    const { StreamSpecification: _streams, ...withoutStreams } = definition;
    await client.send(new CreateTableCommand(withoutStreams));
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
}
