import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { startOwnProcess } from '../own-process.ts';
import { loadDynalite } from './load-dynalite.ts';

export interface EmbeddedDynamoDb {
  endpoint: string;
  /** The store's own process, when it runs in one. */
  pid?: number;
  close(): Promise<void>;
}

/**
 * Starts dynalite on a loopback port: the DynamoDB API over HTTP, with its LevelDB files under
 * `path` (in memory when no path is given); in this process, or with `ownProcess` in a child.
 */
export async function startEmbeddedDynamoDb(
  path?: string,
  options: { ownProcess?: boolean } = {},
): Promise<EmbeddedDynamoDb> {
  if (options.ownProcess) return startInOwnProcess(path);
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

/** dynalite in a child process (dynalite-process.ts), stopped by closing the IPC channel. */
async function startInOwnProcess(path?: string): Promise<EmbeddedDynamoDb> {
  const store = await startOwnProcess<{ endpoint: string }>(
    new URL('./dynalite-process.ts', import.meta.url),
    path ? [path] : [],
  );
  return {
    endpoint: store.first.endpoint,
    ...(store.pid !== undefined ? { pid: store.pid } : {}),
    close: store.close,
  };
}
