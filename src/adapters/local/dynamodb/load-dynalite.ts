import { createRequire } from 'node:module';
import type dynaliteServer from 'dynalite';
import { EXPRESSION_CACHE } from './dynalite-expression-cache.ts';
import {
  type Callback,
  dynaliteInternals,
  EXTENSION_POINTS,
  type OperationValidation,
  type Store,
} from './dynalite-extension-points.ts';
import { INDEX_KEY_PATCH } from './dynalite-index-keys.ts';
import { ITERATOR_CLOSE } from './dynalite-iterator-close.ts';
import { ORPHANED_REQUESTS } from './dynalite-orphaned-requests.ts';
import { loadPatchedDynalite } from './dynalite-source-patch.ts';
import { SYNC_READS } from './dynalite-sync-reads.ts';
import { TABLE_CACHE_PATCH } from './dynalite-table-cache.ts';
import { TYPE_CHECKS } from './dynalite-type-checks.ts';
import { WRITE_BUFFER } from './dynalite-write-buffer.ts';
import { transactWriteItemsOperation } from './transact-write-items.ts';

const require = createRequire(import.meta.url);

type Dynalite = typeof dynaliteServer & {
  addOperation(
    name: string,
    action: (store: Store, data: Record<string, unknown>, cb: Callback) => void,
    validation: OperationValidation,
  ): void;
};

let extended: Dynalite | undefined;

/**
 * dynalite, patched: index entries that two items never share (dynalite-index-keys.ts), query
 * and scan iterators that are closed (dynalite-iterator-close.ts), item reads without a thread
 * hop (dynalite-sync-reads.ts), table descriptions read once until written
 * (dynalite-table-cache.ts), requests whose client has gone ending alone when the store closes
 * under them (dynalite-orphaned-requests.ts), a larger LevelDB write buffer
 * (dynalite-write-buffer.ts), expressions parsed once apart from their values
 * (dynalite-expression-cache.ts), request type checks with less allocation
 * (dynalite-type-checks.ts), and TransactWriteItems, which it lacks (transact-write-items.ts).
 */
export function loadDynalite(): typeof dynaliteServer {
  if (extended) return extended;
  loadPatchedDynalite([
    INDEX_KEY_PATCH,
    ITERATOR_CLOSE,
    SYNC_READS,
    TABLE_CACHE_PATCH,
    // Before index.js, which requires the validations as it compiles.
    EXPRESSION_CACHE,
    TYPE_CHECKS,
    ...EXTENSION_POINTS,
    ORPHANED_REQUESTS,
    WRITE_BUFFER,
  ]);
  const dynalite = require('dynalite') as Dynalite;
  const transactWriteItems = transactWriteItemsOperation(dynaliteInternals());
  dynalite.addOperation(
    'TransactWriteItems',
    transactWriteItems.action,
    transactWriteItems.validation,
  );
  extended = dynalite;
  return dynalite;
}
