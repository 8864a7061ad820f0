import type { SourcePatch } from './dynalite-source-patch.ts';

/**
 * LevelDB's write buffer for the store on disk: 32 MiB instead of LevelDB's 4 MiB. A wave rewrites
 * each notification's item seconds after writing it (claim, mark, report); a larger buffer flushes
 * fewer level-0 tables for compaction to merge into the airline day's tables. Measured with
 * `npm run bench -- --disruptions 10 --passengers-per-disruption 2000 --batch-only` (see
 * docs/decisions.md): the store's CPU in the wave fell by about a quarter; it costs up to two
 * buffers of memory.
 */
export const WRITE_BUFFER_BYTES = 32 * 1024 * 1024;

export const WRITE_BUFFER: SourcePatch = {
  file: 'db/index.js',
  purpose: `LevelDB writes through a ${WRITE_BUFFER_BYTES / 1024 / 1024} MiB buffer`,
  edits: [
    {
      find: "new Level(options.path, { valueEncoding: 'json' })",
      replace: `new Level(options.path, { valueEncoding: 'json', writeBufferSize: ${WRITE_BUFFER_BYTES} })`,
    },
  ],
};
