import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { FairScheduler } from './fair-scheduler.ts';

type Lane = 'priority' | 'bulk';

/**
 * Two lanes to the one embedded store. Everything runs on one event loop and the store answers
 * requests in arrival order, so a wave's thousands of writes would make every ingest read wait
 * behind them. Bulk work (workflows, deliveries) gets a bounded number of requests in flight;
 * priority work (ingest, the API) goes straight through, so it waits behind at most those few.
 */
export class StoreLanes {
  private readonly lane = new AsyncLocalStorage<Lane>();
  private readonly bulk: FairScheduler;

  constructor(bulkSlots: number) {
    this.bulk = new FairScheduler(bulkSlots);
  }

  /** Runs `work` (and everything it starts) in the priority lane. */
  priority<T>(work: () => Promise<T>): Promise<T> {
    return this.lane.run('priority', work);
  }

  /** Runs `work` (and everything it starts) in the bulk lane, whoever started it. */
  bulkWork<T>(work: () => Promise<T>): Promise<T> {
    return this.lane.run('bulk', work);
  }

  /** Makes every request of `client` take its lane's turn. */
  gate(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next) => (args) =>
        this.lane.getStore() === 'priority' ? next(args) : this.bulk.run(() => next(args)),
      { step: 'initialize', name: 'flightPulseStoreLanes', priority: 'high' },
    );
  }
}
