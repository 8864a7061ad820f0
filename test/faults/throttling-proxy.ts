import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ThrottlingProxy {
  /** Give this to the server as DYNAMODB_ENDPOINT. */
  endpoint: string;
  /** DynamoDB calls seen and how many were answered with a throttle. */
  counts(): { calls: number; throttled: number };
  close(): Promise<void>;
}

/** A small deterministic generator (mulberry32): the same seed throttles the same calls. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The store's wire with faults: a loopback HTTP proxy in front of DynamoDB Local that answers a
 * share of DynamoDB API calls (`X-Amz-Target: DynamoDB_20120810.*`) with HTTP 400
 * ProvisionedThroughputExceededException, exactly as DynamoDB throttles, and forwards the rest
 * (stream reads included) untouched.
 */
export async function startThrottlingProxy(
  target: string,
  options: { rate: number; seed?: number },
): Promise<ThrottlingProxy> {
  const upstream = new URL(target);
  const random = seeded(options.seed ?? 11);
  let calls = 0;
  let throttled = 0;
  const server = createServer((request, response) => {
    const operation = String(request.headers['x-amz-target'] ?? '');
    const isTableCall = operation.startsWith('DynamoDB_20120810.');
    if (isTableCall) calls++;
    body(request)
      .then((payload) => {
        if (isTableCall && random() < options.rate) {
          throttled++;
          response.writeHead(400, {
            'content-type': 'application/x-amz-json-1.0',
            'x-amzn-requestid': `throttled-${throttled}`,
          });
          response.end(
            JSON.stringify({
              __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
              message: 'The level of configured provisioned throughput for the table was exceeded.',
            }),
          );
          return;
        }
        const forward = httpRequest(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: request.method,
            path: request.url,
            headers: { ...request.headers, host: upstream.host },
          },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(response);
          },
        );
        forward.on('error', (error) => {
          response.writeHead(502, { 'content-type': 'text/plain' });
          response.end(String(error));
        });
        forward.end(payload);
      })
      .catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts: () => ({ calls, throttled }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
