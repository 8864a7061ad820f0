import type { DynaliteInternals, OperationValidation, Store } from './dynalite-extension-points.ts';

export type Kind = 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
export const KINDS: readonly Kind[] = ['Put', 'Update', 'Delete', 'ConditionCheck'];

/**
 * TransactWriteItems' request shape, checked by dynalite's own validator: each action takes the
 * members its single-item operation has in a transaction, with that operation's type rules,
 * and its `custom` check is the single-item operation's (which also parses the expressions).
 */
export function transactWriteItemsValidation({
  validations,
}: DynaliteInternals): OperationValidation {
  const { put, update, delete: remove } = validations;
  const common = (of: OperationValidation) => ({
    TableName: of.types.TableName,
    ConditionExpression: of.types.ConditionExpression,
    ExpressionAttributeNames: of.types.ExpressionAttributeNames,
    ExpressionAttributeValues: of.types.ExpressionAttributeValues,
    ReturnValuesOnConditionCheckFailure: { type: 'String', enum: ['ALL_OLD', 'NONE'] },
  });
  const required = { type: 'String', notNull: true };
  const byKind: Record<Kind, OperationValidation> = {
    Put: put,
    Update: update,
    Delete: remove,
    ConditionCheck: remove,
  };
  const actions = {
    Put: { ...common(put), Item: put.types.Item },
    Update: { ...common(update), Key: update.types.Key, UpdateExpression: required },
    Delete: { ...common(remove), Key: remove.types.Key },
    ConditionCheck: { ...common(remove), Key: remove.types.Key, ConditionExpression: required },
  };
  return {
    types: {
      ClientRequestToken: {
        type: 'String',
        lengthGreaterThanOrEqual: 1,
        lengthLessThanOrEqual: 36,
      },
      ReturnConsumedCapacity: put.types.ReturnConsumedCapacity,
      ReturnItemCollectionMetrics: put.types.ReturnItemCollectionMetrics,
      TransactItems: {
        type: 'List',
        notNull: true,
        lengthGreaterThanOrEqual: 1,
        lengthLessThanOrEqual: 100,
        children: {
          type: 'ValueStruct<TransactWriteItem>',
          children: Object.fromEntries(
            KINDS.map((kind) => [kind, { type: `FieldStruct<${kind}>`, children: actions[kind] }]),
          ),
        },
      },
    },
    custom(data: Record<string, unknown>, store: Store) {
      for (const item of data.TransactItems as Array<Record<string, Record<string, unknown>>>) {
        const kinds = KINDS.filter((kind) => item[kind] != null);
        const kind = kinds[0];
        const action = kind && item[kind];
        if (kinds.length !== 1 || !kind || !action)
          return 'TransactItems can only contain one of Check, Put, Update or Delete';
        // The single-item operation's check, which parses the expressions (each expression
        // once per store: dynalite-expression-cache.ts).
        const message = byKind[kind].custom?.(action, store);
        if (message) return message;
      }
      return undefined;
    },
  };
}
