import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NoSuchKey } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../../src/adapters/s3/s3-object-store.ts';

/** S3 at the wire on loopback: keeps what is PUT, answers GET, 404 for a missing key. */
const objects = new Map<string, string>();
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }> = [];
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', () => {
    // The object is its path; the SDK adds its own query (x-id=PutObject).
    const path = new URL(request.url ?? '/', 'http://s3.local').pathname;
    seen.push({ method: request.method ?? '', url: path, headers: request.headers });
    if (request.method === 'PUT') {
      objects.set(path, body);
      response.writeHead(200, { etag: '"1"' }).end();
      return;
    }
    const found = objects.get(path);
    if (found === undefined) response.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
    else response.writeHead(200, { 'content-type': 'application/json' }).end(found);
  });
});
let store: S3ObjectStore;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  store = new S3ObjectStore({
    region: 'eu-west-1',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('S3ObjectStore', () => {
  it('puts and gets an object with SigV4-signed requests, path-style against an endpoint', async () => {
    const body = JSON.stringify([{ booking_ids: ['B001', 'B002'] }]);
    await store.put('flightpulse-manifests', 'manifests/SW1234/run 1.json', body);
    expect(await store.get('flightpulse-manifests', 'manifests/SW1234/run 1.json')).toBe(body);
    const [put, get] = seen;
    expect(put).toMatchObject({
      method: 'PUT',
      url: '/flightpulse-manifests/manifests/SW1234/run%201.json',
    });
    expect(put?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(get?.method).toBe('GET');
  });

  it('fails with the error S3 answered for a missing manifest', async () => {
    await expect(store.get('flightpulse-manifests', 'manifests/missing.json')).rejects.toThrow(
      NoSuchKey,
    );
  });
});
