import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { FairScheduler, type Turn } from './fair-scheduler.ts';

type Lane = 'priority' | 'bulk';

/**
 * Two lanes to the one embedded store. Everything runs on one event loop and the store answers
 * requests in arrival order, so a wave's thousands of writes would make every ingest read wait
 * behind them. Bulk work (workflows, deliveries) gets a bounded number of requests in flight,
 * handed out by whose work it is (urgent, a run's first batch, the run served least);
 * priority work (ingest, the API) goes straight through, so it waits behind at most those few.
 */
export class StoreLanes {
  private readonly lane = new AsyncLocalStorage<Lane>();
  readonly bulk: FairScheduler;
  private readonly turn: () => Turn;

  /** `turn` says whose bulk request it is (a workflow run's, its first batch's), fairly served. */
  constructor(bulkSlots: number, turn: () => Turn = () => ({})) {
    this.bulk = new FairScheduler(bulkSlots);
    this.turn = turn;
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
        this.lane.getStore() === 'priority'
          ? next(args)
          : this.bulk.run(() => next(args), this.turn()),
      { step: 'initialize', name: 'flightPulseStoreLanes', priority: 'high' },
    );
  }
}
