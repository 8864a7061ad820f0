import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoDbConnection {
  /** A local endpoint (dynalite, DynamoDB Local); none means AWS with the default credentials. */
  endpoint?: string;
  region?: string;
}

export function createDynamoDbClient(connection: DynamoDbConnection): DynamoDBClient {
  const local = connection.endpoint !== undefined;
  return new DynamoDBClient({
    region: connection.region ?? 'us-east-1',
    ...(local
      ? {
          endpoint: connection.endpoint,
          // Local stores accept any credentials; fixed ones keep the SDK from searching for real ones.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
    maxAttempts: 5,
  });
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
