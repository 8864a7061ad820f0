import { Agent } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface DynamoDbConnection {
  /** A local endpoint (dynalite, DynamoDB Local); none means AWS with the default credentials. */
  endpoint?: string;
  region?: string;
}

/**
 * Sockets to a local store. The local runtime runs every workflow, notification record and
 * change-feed read of a hub disruption in one process against one loopback endpoint: hundreds of
 * requests in flight. The SDK's default of 50 sockets queues them (and warns); loopback sockets
 * are cheap, so the pool is sized for that work while staying far below common file limits.
 */
export const LOCAL_STORE_SOCKETS = 256;

/** Client options for a connection; shared by the DynamoDB and DynamoDB Streams clients. */
export function connectionOptions(connection: DynamoDbConnection) {
  return {
    region: connection.region ?? 'us-east-1',
    ...(connection.endpoint !== undefined
      ? {
          endpoint: connection.endpoint,
          // Local stores accept any credentials; fixed ones keep the SDK from searching for real ones.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          requestHandler: new NodeHttpHandler({
            httpAgent: new Agent({ keepAlive: true, maxSockets: LOCAL_STORE_SOCKETS }),
          }),
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
