import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoDbConnection {
  /** A local endpoint (dynalite, DynamoDB Local); none means AWS with the default credentials. */
  endpoint?: string;
  region?: string;
}

/** Client options for a connection; shared by the DynamoDB and DynamoDB Streams clients. */
export function connectionOptions(connection: DynamoDbConnection) {
  return {
    region: connection.region ?? 'us-east-1',
    ...(connection.endpoint !== undefined
      ? {
          endpoint: connection.endpoint,
          // Local stores accept any credentials; fixed ones keep the SDK from searching for real ones.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
    // Throttling and 5xx answers are retried with backoff; 8 attempts make a lost write improbable
    // even at a 10% throttling rate (the fault suite injects exactly that).
    maxAttempts: 8,
  };
}

export function createDynamoDbClient(connection: DynamoDbConnection): DynamoDBClient {
  return new DynamoDBClient(connectionOptions(connection));
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
