import type { FinalizeRequestMiddleware, MiddlewareStack } from '@smithy/types';

/** What the local endpoints check of a request's signature: that it is there, in the SigV4 shape. */
const AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20000101/local/local/aws4_request, SignedHeaders=host, Signature=local';

/**
 * The embedded dynalite checks that a request carries a SigV4 signature, never the signature
 * itself, and the loopback carrier (SMS, push) checks nothing: signing every request (canonical
 * request, hashes, an HMAC chain) is CPU the runtime spends for nothing on its busiest paths. The
 * client's signing step is replaced by a fixed header. Only for those local endpoints: DynamoDB
 * Local and AWS get signed requests.
 */
export function unsignedForLocalEndpoint<Input extends object, Output extends object>(client: {
  middlewareStack: MiddlewareStack<Input, Output>;
}): void {
  const sign: FinalizeRequestMiddleware<Input, Output> = (next) => (args) => {
    const headers = (args.request as { headers?: Record<string, string> }).headers;
    if (headers) {
      headers.authorization = AUTHORIZATION;
      headers['x-amz-date'] = '20000101T000000Z';
    }
    return next(args);
  };
  client.middlewareStack.addRelativeTo(sign, {
    name: 'httpSigningMiddleware',
    override: true,
    relation: 'after',
    toMiddleware: 'retryMiddleware',
  });
}
