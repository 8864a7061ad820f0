import { connect } from 'node:net';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { startEmbeddedTable } from '../support/embedded-table.ts';

const TABLE = 'Shutdown';
const PAD = 'x'.repeat(300);

/** A Scan sent over a raw socket, so that the test can hang up before the answer comes. */
function scanThenHangUp(endpoint: URL, afterMs: number): void {
  const body = JSON.stringify({ TableName: TABLE });
  const socket = connect(Number(endpoint.port), endpoint.hostname);
  socket.on('error', () => {});
  socket.write(
    [
      'POST / HTTP/1.1',
      `Host: ${endpoint.host}`,
      'Content-Type: application/x-amz-json-1.0',
      'X-Amz-Target: DynamoDB_20120810.Scan',
      'X-Amz-Date: 20260101T000000Z',
      'Authorization: AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n'),
  );
  setTimeout(() => socket.destroy(), afterMs);
}

describe('the embedded store in its own process', () => {
  it('stops cleanly while scans of clients that have gone are still reading', async () => {
    const embedded = await startEmbeddedTable(TABLE, { ownProcess: true });
    try {
      for (let batch = 0; batch < 200; batch++)
        await embedded.doc.send(
          new BatchWriteCommand({
            RequestItems: {
              [TABLE]: Array.from({ length: 25 }, (_, i) => ({
                PutRequest: { Item: { PK: `FLIGHT#${batch}`, SK: `BOOKING#${i}`, PAD } },
              })),
            },
          }),
        );
      const endpoint = new URL(embedded.endpoint);
      // Hang-ups spread over the time a 1 MB Scan takes, so some land while one is reading.
      for (let i = 0; i < 10; i++) scanThenHangUp(endpoint, 2 + 3 * i);
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      // Before the fix the store threw LEVEL_ITERATOR_NOT_OPEN here and exited with code 1.
      await expect(embedded.close()).resolves.toBeUndefined();
    }
  }, 60_000);
});
