import type { SourcePatch } from './dynalite-source-patch.ts';

const TABLE_DB = "  var tableDb = getSubDb('table')\n";

// The item operations (getTable's callers that check the status) only read the description, so
// they share one, frozen; the table operations (updateTable and deleteTable change the description
// they get before writing it back, describeTable hands it out) get their own copy, as from LevelDB.
// A write forgets the table when it starts and again when it ends, and a read caches what it found
// only if no write of that table began or ended meanwhile, so no read can put back a description
// older than the last write.
const TABLE_CACHE = `${TABLE_DB}
  var tableTexts = new Map(), sharedTables = new Map(), tableWrites = new Map()
  function tableWritten (name) {
    tableTexts.delete(name)
    sharedTables.delete(name)
    tableWrites.set(name, (tableWrites.get(name) || 0) + 1)
  }
  function forgettingTable (write) {
    return function (name) {
      var args = Array.prototype.slice.call(arguments)
      var cb = typeof args[args.length - 1] == 'function' ? args.pop() : undefined
      tableWritten(name)
      if (!cb) return write.apply(tableDb, args).finally(function () { tableWritten(name) })
      return write.apply(tableDb, args.concat(function () {
        tableWritten(name)
        cb.apply(this, arguments)
      }))
    }
  }
  tableDb.put = forgettingTable(tableDb.put)
  tableDb.del = forgettingTable(tableDb.del)
  function frozen (value) {
    if (value && typeof value == 'object') Object.values(value).forEach(frozen)
    return Object.freeze(value)
  }
  function readTable (name, shared, cb) {
    var text = tableTexts.get(name)
    if (text !== undefined) {
      var table = shared ? sharedTables.get(name) : JSON.parse(text)
      if (table === undefined) sharedTables.set(name, table = frozen(JSON.parse(text)))
      return queueMicrotask(function () { cb(null, table) })
    }
    var writes = tableWrites.get(name)
    tableDb.get(name, function (err, table) {
      if (!err && table && typeof table == 'object' && tableWrites.get(name) === writes)
        tableTexts.set(name, JSON.stringify(table))
      cb(err, table)
    })
  }
`;

/**
 * dynalite reads a table's description from LevelDB for every request, and for every key of a
 * BatchGetItem and every item of a BatchWriteItem: the most frequent read of the store. The
 * description, written once and rarely changed, sits in LevelDB's oldest files, so each read
 * walks the levels. In a profile of the store in a wave (3 × 2,000 passengers) those reads were
 * 8% of its busy time. The store keeps each description it read, as text, until a write of it.
 * Parsing that text for every call was still 6% of the store's busy time at 10 × 2,000, so the
 * item operations share one parsed, frozen copy.
 */
export const TABLE_CACHE_PATCH: SourcePatch = {
  file: 'db/index.js',
  purpose: 'table descriptions kept in memory until written',
  edits: [
    { find: TABLE_DB, replace: TABLE_CACHE },
    {
      find: '    tableDb.get(name, function (err, table) {\n      // Handle database decode errors',
      replace:
        '    readTable(name, checkStatus !== false, function (err, table) {\n      // Handle database decode errors',
    },
  ],
};
