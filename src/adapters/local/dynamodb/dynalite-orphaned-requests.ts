import type { SourcePatch } from './dynalite-source-patch.ts';

const THROWS = '      if (err) throw err\n      sendData(req, res, data)\n';
const ORPHAN_ENDS = '      if (err && req.socket.destroyed) return\n';

/**
 * dynalite throws any error an operation ends with that is not an API error, which takes the
 * whole store down. Closing the store waits for open connections, then closes LevelDB, but a
 * client that has gone (a runtime stopped first) leaves its Query or Scan still reading: the
 * next read of its iterator fails with LEVEL_ITERATOR_NOT_OPEN, and the store process crashed
 * at the end of a full benchmark run. A request whose connection is gone has nobody to answer,
 * so its error ends it; any other request's error still throws as before.
 */
export const ORPHANED_REQUESTS: SourcePatch = {
  file: 'index.js',
  purpose: 'an error of a request whose client has gone ends that request only',
  edits: [{ find: THROWS, replace: ORPHAN_ENDS + THROWS }],
};
