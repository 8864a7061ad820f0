import type { SourcePatch } from './dynalite-source-patch.ts';

const KEYS = '      const iterator = levelDb.keys(options)\n';
const VALUES = '      const iterator = levelDb.values(options)\n';
// abstract-level's iterators have close(), not the return() dynalite's streams call.
const CLOSABLE = '      iterator.return = () => iterator.close()\n';

/**
 * dynalite reads every Query and Scan through a stream over a LevelDB iterator and, when the
 * stream ends or is cut short (Limit, 1 MB), calls the iterator's `return()`, which
 * abstract-level's iterators lack: no iterator was ever closed. Each open one pins the LevelDB
 * version it started on, so compacted-away tables could not be deleted and stayed mapped: on a
 * 3×2,000 wave 675 MB of tables on disk (372 files) held 77 MB of live data, and the store
 * process's resident memory grew with them. The patch gives the iterators the `return()` they
 * are called with.
 */
export const ITERATOR_CLOSE: SourcePatch = {
  file: 'db/index.js',
  purpose: 'query and scan iterators are closed when their stream ends',
  edits: [
    { find: KEYS, replace: KEYS + CLOSABLE },
    { find: VALUES, replace: VALUES + CLOSABLE },
  ],
};
