import type { SourcePatch } from './dynalite-source-patch.ts';

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

export const INDEX_KEY_PATCH: SourcePatch = {
  file: 'db/index.js',
  purpose: 'index entries keyed by the whole table key',
  edits: [
    { find: TRUNCATED, replace: WHOLE },
    { find: DELETE_EXISTING, replace: DELETE_LEGACY_TOO },
  ],
};
