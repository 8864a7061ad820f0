import { createRequire } from 'node:module';
import type { SourcePatch } from './dynalite-source-patch.ts';

const require = createRequire(import.meta.url);

/**
 * dynalite's operations are module-private (`validOperations`, `actions`, `actionValidations` in
 * its index.js): this adds `addOperation(name, action, validation)` to its exports, so an
 * operation it lacks is served by its own HTTP handler, signature checks and validations.
 */
export const OPERATION_REGISTRY: SourcePatch = {
  file: 'index.js',
  purpose: 'operations can be added to the server',
  edits: [
    {
      find: 'module.exports = dynalite\n',
      replace: `module.exports = dynalite
module.exports.addOperation = function (name, action, validation) {
  if (!~validOperations.indexOf(name)) validOperations.push(name)
  actions[validations.toLowerFirst(name)] = action
  actionValidations[validations.toLowerFirst(name)] = validation
}
`,
    },
  ],
};

/** UpdateItem's own evaluation of an update expression, for a write that is not UpdateItem. */
export const UPDATE_EXPRESSION_EXPORT: SourcePatch = {
  file: 'actions/updateItem.js',
  purpose: 'applyUpdateExpression is exported',
  edits: [
    {
      find: 'function applyUpdateExpression (sections, table, item) {',
      replace: `module.exports.applyUpdateExpression = applyUpdateExpression

function applyUpdateExpression (sections, table, item) {`,
    },
  ],
};

/**
 * Each table's items and index entries live under a key prefix of one LevelDB; knowing the
 * prefixes lets several items and their index entries be written in one atomic batch.
 */
export const SUB_DATABASE_PREFIX: SourcePatch = {
  file: 'db/index.js',
  purpose: 'sub-databases tell their key prefix',
  edits: [
    {
      find: `  function createPrefixedDbWrapper (mainDb, prefix) {
    return {
`,
      replace: `  function createPrefixedDbWrapper (mainDb, prefix) {
    return {
      prefix: prefix,
`,
    },
  ],
};

/** The patches above, after the ones their files' requirers need first (see loadPatchedDynalite). */
export const EXTENSION_POINTS = [SUB_DATABASE_PREFIX, UPDATE_EXPRESSION_EXPORT, OPERATION_REGISTRY];

export type Item = Record<string, unknown>;
export type Callback = (error: DynaliteError | null, result?: unknown) => void;

/** An error dynalite's HTTP handler answers with: its status and JSON body. */
export interface DynaliteError extends Error {
  statusCode: number;
  body: Record<string, unknown>;
}

interface KeySchemaElement {
  AttributeName: string;
}

export interface TableDescription {
  TableName: string;
  KeySchema: KeySchemaElement[];
  LocalSecondaryIndexes?: IndexDescription[];
  GlobalSecondaryIndexes?: IndexDescription[];
}

interface IndexDescription {
  IndexName: string;
  KeySchema: KeySchemaElement[];
}

/** One table's items (a key prefix of the store's LevelDB) and its per-key lock. */
export interface ItemDb {
  prefix: string;
  get(key: string, callback: (error: Error | null, item?: Item) => void): void;
  /** Takes every key at once, in one queue per key; `exec` gets a releaser of them all. */
  lock(keys: string[], exec: (release: (done: () => void) => () => void) => void): void;
}

/** What dynalite's `db.create` returns, as far as an action uses it. */
export interface Store {
  options: { maxItemSize: number };
  db: {
    batch(
      operations: Array<{ type: 'put' | 'del'; key: string; value?: Item }>,
      callback: (error: Error | null) => void,
    ): void;
    /** LevelDB's own (not wrapped by dynalite): many keys in one call, undefined where missing. */
    getMany(keys: string[]): Promise<Array<Item | undefined>>;
  };
  /** Lets a graceful close wait for the operations it tracks. */
  lifecycleManager?: { trackOperation<T>(operation: Promise<T>): Promise<T> };
  getTable(
    name: string,
    callback: (error: DynaliteError | null, table?: TableDescription) => void,
  ): void;
  getItemDb(name: string): ItemDb;
  getIndexDb(
    indexType: 'Local' | 'Global',
    tableName: string,
    indexName: string,
  ): { prefix: string };
}

/** dynalite's db module: the helpers its own item actions use. */
export interface DynaliteDb {
  createKey(item: Item, table: TableDescription): string;
  validateItem(item: Item, table: TableDescription): DynaliteError | null | undefined;
  validateKey(key: Item, table: TableDescription): DynaliteError | null | undefined;
  validateUpdates(
    attributeUpdates: undefined,
    updates: unknown,
    table: TableDescription,
  ): DynaliteError | null | undefined;
  checkConditional(data: object, existing: Item | undefined): DynaliteError | null | undefined;
  getIndexActions(
    indexes: IndexDescription[],
    existing: Item | undefined,
    item: Item | undefined,
    table: TableDescription,
  ): {
    puts: Array<{ index: string; key: string; item: Item }>;
    deletes: Array<{ index: string; key: string }>;
  };
  itemSize(item: Item): number;
  capacityUnits(item: Item | undefined): number;
  validationError(message: string): DynaliteError;
}

/** An operation's request validation, as dynalite's validations/<operation>.js export it. */
export interface OperationValidation {
  types: Record<string, unknown>;
  custom?: (data: Record<string, unknown>, store: Store) => string | undefined;
}

/** The parts of dynalite (patched) that an added operation is built from. */
export interface DynaliteInternals {
  db: DynaliteDb;
  applyUpdateExpression(
    sections: unknown,
    table: TableDescription,
    item: Item,
  ): DynaliteError | undefined;
  validations: {
    put: OperationValidation;
    update: OperationValidation;
    delete: OperationValidation;
  };
}

/** dynalite's internals, once loadPatchedDynalite has put the patched files in place. */
export function dynaliteInternals(): DynaliteInternals {
  return {
    db: require('dynalite/db/index.js') as DynaliteDb,
    applyUpdateExpression: (
      require('dynalite/actions/updateItem.js') as Pick<DynaliteInternals, 'applyUpdateExpression'>
    ).applyUpdateExpression,
    validations: {
      put: require('dynalite/validations/putItem.js') as OperationValidation,
      update: require('dynalite/validations/updateItem.js') as OperationValidation,
      delete: require('dynalite/validations/deleteItem.js') as OperationValidation,
    },
  };
}
