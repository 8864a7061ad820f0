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
