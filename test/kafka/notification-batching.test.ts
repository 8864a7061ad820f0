import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../src/adapters/dynamodb/document-client.ts';
import { ensureTable } from '../../src/adapters/dynamodb/ensure-table.ts';
import { SingleTable } from '../../src/adapters/dynamodb/single-table.ts';
import { describeNotificationBatching } from '../support/notification-batching-cases.ts';
import { DYNAMODB_ENDPOINT, requireInfrastructure } from './real-infrastructure.ts';

// The Kafka fault cases run the same claims and marks on DynamoDB Local: it must answer them alike.
describeNotificationBatching('DynamoDB Local', async () => {
  await requireInfrastructure();
  const name = `FlightPulse-batching-${Date.now()}`;
  const client = createDynamoDbClient({ endpoint: DYNAMODB_ENDPOINT, region: 'us-east-1' });
  await ensureTable(client, name);
  return {
    client,
    table: new SingleTable(createDocumentClient(client), name),
    close: async () => {
      await client.send(new DeleteTableCommand({ TableName: name }));
      client.destroy();
    },
  };
});
