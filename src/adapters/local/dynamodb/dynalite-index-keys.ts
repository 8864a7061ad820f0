import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type dynaliteServer from 'dynalite';

const require = createRequire(import.meta.url);

/**
 * dynalite keys a secondary-index entry by the index's keys and then only 6 hex digits (24 bits)
 * of an MD5 of the item's table key. Two items with equal index keys whose digests share those
 * digits get one index entry: the later write hides the other from every query of the index, and
 * moving either out of the index drops both. Equal index keys are common here (3,000 generated
 * bookings share a status and a creation time; a wave's offers share one); with 3,000 of them
 * the odds of a collision are about 1 in 4 (BOOKING#B0000376 and BOOKING#B0000821 do collide),
 * and a booking vanished from `GET /bookings?status=NEEDS_REBOOKING`.
 *
 * So dynalite's db module is loaded with the whole table key after the digest (ties still sorted
 * by it, but never shared), and an item's write also deletes its entry in the old format: a data
 * directory written before heals as its items change, and untouched entries are still found.
 */
const TRUNCATED = `  return createKey(item, table, keySchema) + hashPrefix.apply(this, tableKeyPieces)
}`;
const WHOLE = `  return legacyIndexKey(item, table, keySchema) + '/' + createKey(item, table)
}

function legacyIndexKey (item, table, keySchema) {
  var tableKeyPieces = []
  traverseKey(table, function (attr, type) { tableKeyPieces.push(item[attr][type], type) })
  return createKey(item, table, keySchema) + hashPrefix.apply(this, tableKeyPieces)
}`;
const DELETE_EXISTING = `        deletes.push({ index: index.IndexName, key: existingKey })
      }`;
const DELETE_LEGACY_TOO = `${DELETE_EXISTING}
      deletes.push({ index: index.IndexName, key: legacyIndexKey(existingItem, table, index.KeySchema) })`;

function patched(source: string): string {
  const out = source.replace(TRUNCATED, WHOLE).replace(DELETE_EXISTING, DELETE_LEGACY_TOO);
  if (out.split('legacyIndexKey').length !== 4)
    throw new Error('dynalite/db/index.js is not the version whose index keys this fixes');
  return out;
}

/** dynalite, with index entries that two items can never share. */
export function loadDynalite(): typeof dynaliteServer {
  const dbPath = require.resolve('dynalite/db/index.js');
  if (!require.cache[dbPath]) {
    const db = new Module(dbPath) as Module & {
      _compile(source: string, filename: string): void;
    };
    db.filename = dbPath;
    db.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
      dirname(dbPath),
    );
    db._compile(patched(readFileSync(dbPath, 'utf8')), dbPath);
    db.loaded = true;
    require.cache[dbPath] = db;
  }
  return require('dynalite') as typeof dynaliteServer;
}
