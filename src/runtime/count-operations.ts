import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Counts every DynamoDB API call the clients make, by operation (for benchmarks). */
export function countOperations(...clients: DynamoDBClient[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const client of clients) {
    client.middlewareStack.add(
      (next, context) => (args) => {
        const name = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        counts.set(name, (counts.get(name) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'flightPulseOperationCounter' },
    );
  }
  return counts;
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);

/** Capacity units the store reported for the clients' calls so far. */
export interface CapacityCount {
  read: number;
  write: number;
}

/**
 * Sums the capacity units every call of the clients consumed, as the store reports them (each
 * call asks for `ReturnConsumedCapacity: TOTAL` unless it asked itself): a batch of 25 puts is 25
 * units or more, a transaction's items twice theirs — what DynamoDB would bill, not the calls.
 */
export function countCapacity(...clients: DynamoDBClient[]): CapacityCount {
  const count: CapacityCount = { read: 0, write: 0 };
  for (const client of clients) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        const asked = input.ReturnConsumedCapacity !== undefined;
        const result = await next(
          asked ? args : { ...args, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } },
        );
        const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
        const units = [consumed ?? []]
          .flat()
          .reduce((n: number, c) => n + ((c as { CapacityUnits?: number }).CapacityUnits ?? 0), 0);
        const name = (context.commandName ?? '').replace(/Command$/, '');
        if (READS.has(name)) count.read += units;
        else count.write += units;
        return result;
      },
      { step: 'initialize', name: 'flightPulseCapacityCounter' },
    );
  }
  return count;
}
