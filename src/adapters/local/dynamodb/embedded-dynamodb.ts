import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadDynalite } from './dynalite-index-keys.ts';

export interface EmbeddedDynamoDb {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts dynalite in this process on a loopback port: the DynamoDB API over HTTP, with its
 * LevelDB files under `path` (in memory when no path is given).
 */
export async function startEmbeddedDynamoDb(path?: string): Promise<EmbeddedDynamoDb> {
  if (path) mkdirSync(path, { recursive: true });
  const server = loadDynalite()({
    ...(path ? { path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
