import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
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
  const script = fileURLToPath(new URL('./dynalite-process.ts', import.meta.url));
  // No inherited flags (a profiler's, say): the child is only the store.
  const child = fork(script, path ? [path] : [], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { endpoint: string }).endpoint));
    child.once('error', reject);
    void exited.then(() => reject(new Error('the store process exited before listening')));
  });
  return {
    endpoint,
    ...(child.pid !== undefined ? { pid: child.pid } : {}),
    close: async () => {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}
