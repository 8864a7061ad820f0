import { createHash } from 'node:crypto';
import type {
  Callback,
  DynaliteError,
  DynaliteInternals,
  Item,
  ItemDb,
  OperationValidation,
  Store,
  TableDescription,
} from './dynalite-extension-points.ts';
import {
  KINDS,
  type Kind,
  transactWriteItemsValidation,
} from './transact-write-items-validation.ts';

/** One action of the request as validated: its parameters, with dynalite's parsed expressions. */
type Action = Record<string, unknown> & {
  TableName: string;
  Item?: Item;
  Key?: Item;
  ReturnValuesOnConditionCheckFailure?: 'ALL_OLD' | 'NONE';
  _updates?: { sections: unknown };
};

/** An action resolved against its table: the item key it locks, reads and writes. */
interface Write {
  kind: Kind;
  action: Action;
  table: TableDescription;
  itemDb: ItemDb;
  key: string;
}

interface Reason {
  Code: 'None' | 'ConditionalCheckFailed' | 'ValidationError';
  Message?: string;
  Item?: Item;
}

/** A transaction that succeeded under a ClientRequestToken: its actions' hash, when, its units. */
interface Completed {
  request: string;
  at: number;
  units: number[];
}

/** How long a ClientRequestToken makes a repeat a no-op (DynamoDB: 10 minutes). */
const IDEMPOTENCY_WINDOW_MS = 10 * 60_000;

/**
 * DynamoDB's TransactWriteItems for dynalite, from dynalite's own parts so each action behaves
 * as its single-item call does: the Put/Update/Delete validations parse and check the
 * expressions, `checkConditional` evaluates conditions, `applyUpdateExpression` updates, and the
 * index entries come from `getIndexActions`. All or nothing: every key is locked (with the lock
 * the single-item calls take, all of a table's keys in one step and tables in name order, so two
 * transactions never deadlock), all items read, all conditions checked, then every item and
 * index entry written in one LevelDB batch. Where DynamoDB cancels a transaction that conflicts
 * with one in flight (TransactionConflict), this one waits for it instead.
 *
 * A ClientRequestToken is honoured (the SDK sends one, and repeats it when it retries after a
 * lost answer): a repeat of a transaction that succeeded in the last 10 minutes succeeds
 * without writing again, one with other parameters is an IdempotentParameterMismatchException.
 * Not done: the 4 MB aggregate size limit, ReturnItemCollectionMetrics.
 */
export function transactWriteItemsOperation(dynalite: DynaliteInternals): {
  action: (store: Store, data: Record<string, unknown>, cb: Callback) => void;
  validation: OperationValidation;
} {
  const completed = new WeakMap<Store, Map<string, Completed>>();
  const action = (store: Store, data: Record<string, unknown>, cb: Callback) => {
    const tokens = completed.get(store) ?? new Map<string, Completed>();
    completed.set(store, tokens);
    transact(dynalite, store, data, tokens).then(
      (result) => cb(null, result),
      (error: DynaliteError) => cb(error),
    );
  };
  return { action, validation: transactWriteItemsValidation(dynalite) };
}

async function transact(
  dynalite: DynaliteInternals,
  store: Store,
  data: Record<string, unknown>,
  tokens: Map<string, Completed>,
): Promise<Record<string, unknown>> {
  const token = data.ClientRequestToken as string | undefined;
  const actions = (data.TransactItems as Array<Record<Kind, Action>>).map((item) => {
    const kind = KINDS.find((k) => item[k]) as Kind;
    return { kind, action: item[kind] };
  });
  const request = fingerprint(actions);
  const tables = await tablesOf(store, actions);
  const writes = actions.map(({ kind, action }) =>
    resolveWrite(dynalite, store, kind, action, tables.get(action.TableName) as TableDescription),
  );
  const seen = new Set<string>();
  for (const write of writes) {
    const id = `${write.table.TableName}\u0000${write.key}`;
    if (seen.has(id))
      throw dynalite.db.validationError(
        'Transaction request cannot include multiple operations on one item',
      );
    seen.add(id);
  }
  const release = await lockAll(writes);
  try {
    forgetExpired(tokens);
    const earlier = token === undefined ? undefined : tokens.get(token);
    if (earlier && earlier.request !== request) throw idempotentParameterMismatch();
    // A repeat writes nothing again and answers the units the first one consumed.
    const units = earlier?.units ?? (await commit(dynalite, store, writes));
    if (token !== undefined && !earlier) tokens.set(token, { request, at: Date.now(), units });
    return consumedCapacity(writes, units, data.ReturnConsumedCapacity);
  } finally {
    release();
  }
}

/**
 * Reads every item, checks every condition, and writes all or (cancelled) nothing: the write
 * capacity units of each action, twice a single write's (the larger of the item before and
 * after, per KB), as DynamoDB bills a transaction's prepare and commit.
 */
async function commit(
  dynalite: DynaliteInternals,
  store: Store,
  writes: Write[],
): Promise<number[]> {
  const { db } = dynalite;
  const existing = await readAll(store, writes);
  const outcomes = writes.map((write, i) => {
    const old = existing[i];
    if (db.checkConditional(write.action, old)) {
      const reason: Reason = {
        Code: 'ConditionalCheckFailed',
        Message: 'The conditional request failed',
      };
      if (old && write.action.ReturnValuesOnConditionCheckFailure === 'ALL_OLD') reason.Item = old;
      return { reason };
    }
    return nextItem(dynalite, store, write, old);
  });
  const reasons = outcomes.map((o) => o.reason ?? { Code: 'None' as const });
  if (reasons.some((r) => r.Code !== 'None')) throw transactionCanceled(reasons);
  const operations = writes.flatMap((write, i) =>
    write.kind === 'ConditionCheck'
      ? []
      : itemOperations(dynalite, store, write, existing[i], outcomes[i]?.item),
  );
  await new Promise<void>((resolve, reject) =>
    store.db.batch(operations, (error) => (error ? reject(error) : resolve())),
  );
  return writes.map((_, i) => {
    const before = existing[i];
    const after = outcomes[i]?.item;
    return 2 * Math.max(db.capacityUnits(before), after ? db.capacityUnits(after) : 0);
  });
}

/**
 * The item an action leaves behind, or why it cannot: UpdateItem's refusals become the action's
 * ValidationError reason, as DynamoDB answers an update that fails on the item it finds (e.g.
 * "The provided expression refers to an attribute that does not exist in the item"), and as
 * DynamoDB Local answers an update of a key attribute. (DynamoDB Local answers an operand of the
 * wrong type with a ValidationException for the whole request instead.)
 */
function nextItem(
  { applyUpdateExpression, db }: DynaliteInternals,
  store: Store,
  write: Write,
  old: Item | undefined,
): { item?: Item; reason?: Reason } {
  const { kind, action, table } = write;
  if (kind === 'Put') return { item: action.Item as Item };
  if (kind !== 'Update') return {};
  const item = structuredClone(old ?? (action.Key as Item));
  const invalid =
    db.validateUpdates(undefined, action._updates, table) ??
    applyUpdateExpression(action._updates?.sections, table, item);
  const message = invalid
    ? String(invalid.body.message)
    : db.itemSize(item) > store.options.maxItemSize
      ? 'Item size to update has exceeded the maximum allowed size'
      : undefined;
  return message ? { reason: { Code: 'ValidationError', Message: message } } : { item };
}

/** The batch operations for one item: its index entries (removals first) and itself. */
function itemOperations(
  { db }: DynaliteInternals,
  store: Store,
  write: Write,
  old: Item | undefined,
  item: Item | undefined,
): Array<{ type: 'put' | 'del'; key: string; value?: Item }> {
  const { table } = write;
  const deletes: Array<{ type: 'del'; key: string }> = [];
  const puts: Array<{ type: 'put'; key: string; value: Item }> = [];
  for (const indexType of ['Local', 'Global'] as const) {
    const indexes = table[`${indexType}SecondaryIndexes`] ?? [];
    const { puts: p, deletes: d } = db.getIndexActions(indexes, old, item, table);
    const prefix = (index: string) => store.getIndexDb(indexType, table.TableName, index).prefix;
    for (const entry of d) deletes.push({ type: 'del', key: prefix(entry.index) + entry.key });
    for (const entry of p)
      puts.push({ type: 'put', key: prefix(entry.index) + entry.key, value: entry.item });
  }
  const own = write.itemDb.prefix + write.key;
  return [
    ...deletes,
    ...puts,
    item ? { type: 'put', key: own, value: item } : { type: 'del', key: own },
  ];
}

/** Each table the actions name, read once; ResourceNotFoundException for one that is missing. */
async function tablesOf(
  store: Store,
  actions: Array<{ action: Action }>,
): Promise<Map<string, TableDescription>> {
  const names = [...new Set(actions.map(({ action }) => action.TableName))];
  const tables = await Promise.all(
    names.map(
      (name) =>
        new Promise<TableDescription>((resolve, reject) =>
          store.getTable(name, (error, found) =>
            error || !found ? reject(error) : resolve(found),
          ),
        ),
    ),
  );
  return new Map(names.map((name, i) => [name, tables[i] as TableDescription]));
}

/** The action's item key in its table; a request error if its key or item does not fit it. */
function resolveWrite(
  { db }: DynaliteInternals,
  store: Store,
  kind: Kind,
  action: Action,
  table: TableDescription,
): Write {
  const invalid =
    kind === 'Put'
      ? db.validateItem(action.Item as Item, table)
      : db.validateKey(action.Key as Item, table);
  if (invalid) throw invalid;
  const key = db.createKey((kind === 'Put' ? action.Item : action.Key) as Item, table);
  return { kind, action, table, itemDb: store.getItemDb(action.TableName), key };
}

/** Every key of the transaction, table by table in name order, each table's keys at once. */
async function lockAll(writes: Write[]): Promise<() => void> {
  const byTable = new Map<string, { itemDb: ItemDb; keys: string[] }>();
  for (const { table, itemDb, key } of writes) {
    const entry = byTable.get(table.TableName) ?? { itemDb, keys: [] };
    entry.keys.push(key);
    byTable.set(table.TableName, entry);
  }
  const releases: Array<() => void> = [];
  for (const name of [...byTable.keys()].sort()) {
    const { itemDb, keys } = byTable.get(name) as { itemDb: ItemDb; keys: string[] };
    releases.push(
      await new Promise<() => void>((resolve) =>
        itemDb.lock(keys.sort(), (release) => resolve(release(() => {}))),
      ),
    );
  }
  return () => {
    for (const release of releases) release();
  };
}

/** Every action's item as it stands, in one LevelDB read. */
function readAll(store: Store, writes: Write[]): Promise<Array<Item | undefined>> {
  const reading = store.db.getMany(writes.map((w) => w.itemDb.prefix + w.key));
  return store.lifecycleManager ? store.lifecycleManager.trackOperation(reading) : reading;
}

/** The actions' units summed per table, when asked for (ConsumedCapacity as DynamoDB answers it). */
function consumedCapacity(
  writes: Write[],
  units: number[],
  asked: unknown,
): Record<string, unknown> {
  if (asked !== 'TOTAL' && asked !== 'INDEXES') return {};
  const byTable = new Map<string, number>();
  for (const [i, { table }] of writes.entries())
    byTable.set(table.TableName, (byTable.get(table.TableName) ?? 0) + (units[i] ?? 0));
  return {
    ConsumedCapacity: [...byTable].map(([TableName, CapacityUnits]) => ({
      TableName,
      CapacityUnits,
      ...(asked === 'INDEXES' ? { Table: { CapacityUnits } } : {}),
    })),
  };
}

function forgetExpired(tokens: Map<string, { at: number }>): void {
  const oldest = Date.now() - IDEMPOTENCY_WINDOW_MS;
  for (const [token, { at }] of tokens) {
    if (at >= oldest) break;
    tokens.delete(token);
  }
}

/**
 * The request's actions as sent, hashed: without the `_` members dynalite's validation added to
 * each action (its parsed expressions), which are not parameters. Copying each action without
 * them lets JSON.stringify run without a replacer, a call per value of every item.
 */
function fingerprint(actions: Array<{ kind: Kind; action: Action }>): string {
  const sent = actions.map(({ kind, action }) => {
    const parameters: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(action))
      if (!name.startsWith('_')) parameters[name] = value;
    return { [kind]: parameters };
  });
  return createHash('sha256').update(JSON.stringify(sent)).digest('base64');
}

function transactionCanceled(reasons: Reason[]): DynaliteError {
  const message = `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`;
  return dynaliteError(message, {
    __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
    Message: message,
    CancellationReasons: reasons,
  });
}

function idempotentParameterMismatch(): DynaliteError {
  const message =
    'Request with the same client token was already used with different parameters within the idempotency window';
  return dynaliteError(message, {
    __type: 'com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException',
    Message: message,
  });
}

function dynaliteError(message: string, body: Record<string, unknown>): DynaliteError {
  return Object.assign(new Error(message), { statusCode: 400, body });
}
