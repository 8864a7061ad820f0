import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { FinalizeRequestMiddleware } from '@smithy/types';

/** What dynalite checks of a request's signature: that it is there, in the SigV4 shape. */
const AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20000101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=local';

/**
 * The embedded dynalite checks that a request carries a SigV4 signature, never the signature
 * itself: signing every request (canonical request, hashes, an HMAC chain) is CPU the runtime
 * spends for nothing on its busiest path. The client's signing step is replaced by a fixed
 * header. Only for the embedded store: DynamoDB Local and AWS get signed requests.
 */
export function unsignedForEmbeddedStore(client: DynamoDBClient): void {
  const sign: FinalizeRequestMiddleware<object, object> = (next) => (args) => {
    const headers = (args.request as { headers?: Record<string, string> }).headers;
    if (headers) {
      headers.authorization = AUTHORIZATION;
      headers['x-amz-date'] = '20000101T000000Z';
    }
    return next(args);
  };
  client.middlewareStack.addRelativeTo(
    sign as Parameters<DynamoDBClient['middlewareStack']['addRelativeTo']>[0],
    {
      name: 'httpSigningMiddleware',
      override: true,
      relation: 'after',
      toMiddleware: 'retryMiddleware',
    },
  );
}
