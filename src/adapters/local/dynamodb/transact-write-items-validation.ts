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
      const parsed = new Map<string, Action>();
      for (const item of data.TransactItems as Array<Record<string, Action>>) {
        const kinds = KINDS.filter((kind) => item[kind] != null);
        const kind = kinds[0];
        const action = kind && item[kind];
        if (kinds.length !== 1 || !kind || !action)
          return 'TransactItems can only contain one of Check, Put, Update or Delete';
        const message = checkAction(byKind[kind], kind, action, store, parsed);
        if (message) return message;
      }
      return undefined;
    },
  };
}

type Action = Record<string, unknown> & { _condition?: unknown; _updates?: unknown };

/**
 * One action checked by its single-item operation's `custom`. Parsing its expressions is most
 * of that work (a wave's 100 claims share one condition), so an action whose expressions,
 * names and values equal an earlier one's is checked without them and takes that one's parse
 * (the update's as a copy: applying it changes it).
 */
function checkAction(
  validation: OperationValidation,
  kind: Kind,
  action: Action,
  store: Store,
  parsed: Map<string, Action>,
): string | undefined {
  const {
    ConditionExpression,
    UpdateExpression,
    ExpressionAttributeNames,
    ExpressionAttributeValues,
    ...rest
  } = action;
  const expressions = JSON.stringify([
    kind,
    ConditionExpression,
    UpdateExpression,
    ExpressionAttributeNames,
    ExpressionAttributeValues,
  ]);
  const earlier = parsed.get(expressions);
  if (!earlier) {
    const message = validation.custom?.(action, store);
    if (!message) parsed.set(expressions, action);
    return message;
  }
  const message = validation.custom?.(rest, store);
  if (message) return message;
  if (earlier._condition) action._condition = earlier._condition;
  if (earlier._updates) action._updates = structuredClone(earlier._updates);
  return undefined;
}
