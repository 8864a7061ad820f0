import type { SourcePatch } from './dynalite-source-patch.ts';

const ASYNC_GET = '        operation = originalGet(key)\n';
// Until LevelDB is open the async get waits for it (getSync would refuse); after, a promise
// still: a read that throws (an undecodable value) rejects as before.
const SYNC_GET = [
  "        operation = levelDb.status !== 'open'",
  '          ? originalGet(key)',
  '          : new Promise((resolve) => resolve(levelDb.getSync(key)))',
  '',
].join('\n');

/**
 * dynalite reads every item (and, per request, its table's description) with LevelDB's async
 * get: a snapshot and a worker per key, handed to libuv's thread pool and back. On two cores
 * shared with the runtime that handoff cost more than the read: in a profile of the store
 * process after a full wave, the main thread spent 24% of its busy time inside `get` itself, and
 * a 50-key round measured 1.1 ms of CPU async against 0.35 ms with `getSync` (0.6 against 0.35 ms
 * of wall time; 300,000 items). The store is a process of its own, so reading on its main thread
 * blocks nothing else; the read still sees a snapshot taken at the call, as the async one did.
 */
export const SYNC_READS: SourcePatch = {
  file: 'db/index.js',
  purpose: 'item reads use LevelDB synchronously',
  edits: [{ find: ASYNC_GET, replace: SYNC_GET }],
};
