import type { SourcePatch } from './dynalite-source-patch.ts';

const THROWS = '      if (err) throw err\n      sendData(req, res, data)\n';
// The errors of a read whose LevelDB (or iterator) has been closed under it; dynalite turns
// LEVEL_DATABASE_NOT_OPEN into a plain 'Database is closed'.
const CLOSED_UNDER_A_GONE_CLIENT = [
  '      if (err && req.socket.destroyed && (err.code === "LEVEL_ITERATOR_NOT_OPEN" ||',
  '          err.code === "LEVEL_DATABASE_NOT_OPEN" || err.message === "Database is closed")) return',
  '',
].join('\n');

/**
 * dynalite throws any error an operation ends with that is not an API error, which takes the
 * whole store down. Closing the store waits for open connections, then closes LevelDB, but a
 * client that has gone (a runtime stopped first) leaves its Query or Scan still reading: the
 * next read of its iterator fails with LEVEL_ITERATOR_NOT_OPEN, and the store process crashed
 * at the end of a full benchmark run. A request whose connection is gone has nobody to answer,
 * so the store being closed under it ends it; every other error still throws as before.
 */
export const ORPHANED_REQUESTS: SourcePatch = {
  file: 'index.js',
  purpose: 'a request whose client has gone ends when the store closes under it',
  edits: [{ find: THROWS, replace: CLOSED_UNDER_A_GONE_CLIENT + THROWS }],
};
