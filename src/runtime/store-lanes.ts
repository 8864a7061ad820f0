import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { FairScheduler, type Turn } from './fair-scheduler.ts';

/** A piece of priority work; `usesStore` once it has sent the store a request. */
interface PriorityWork {
  usesStore: boolean;
}

/** Which lane work runs in: a piece of priority work, or the bulk lane. */
type Lane = PriorityWork | 'bulk';

/** Bulk requests in flight while priority work is using the store. */
const YIELDED_SLOTS = 1;

/**
 * Two lanes to the one embedded store. Everything runs on one event loop and the store answers
 * requests in arrival order, so a wave's thousands of writes would make every ingest read wait
 * behind them. Bulk work (workflows, deliveries) gets a bounded number of requests in flight,
 * handed out by whose work it is (urgent, a run's first batch, the run served least);
 * priority work (ingest, the API) goes straight through, so it waits behind at most those few.
 * From its first store request until it ends, priority work also shrinks the bulk lane to
 * one request: the store is the shared limit, and an ingest batch's few sequential round trips
 * then wait behind one bulk request instead of several. Work that never asks the store (`/health`)
 * leaves the bulk lane alone.
 */
export class StoreLanes {
  private readonly lane = new AsyncLocalStorage<Lane>();
  readonly bulk: FairScheduler;
  private readonly turn: () => Turn;
  private readonly bulkSlots: number;
  /** Priority work under way that has asked the store. */
  private usingStore = 0;

  /** `turn` says whose bulk request it is (a workflow run's, its first batch's), fairly served. */
  constructor(bulkSlots: number, turn: () => Turn = () => ({})) {
    this.bulk = new FairScheduler(bulkSlots);
    this.turn = turn;
    this.bulkSlots = bulkSlots;
  }

  /** Runs `work` (and everything it starts) in the priority lane. */
  async priority<T>(work: () => Promise<T>): Promise<T> {
    const piece: PriorityWork = { usesStore: false };
    try {
      return await this.lane.run(piece, work);
    } finally {
      if (piece.usesStore && --this.usingStore === 0) this.bulk.resize(this.bulkSlots);
    }
  }

  /** Runs `work` (and everything it starts) in the bulk lane, whoever started it. */
  bulkWork<T>(work: () => Promise<T>): Promise<T> {
    return this.lane.run('bulk', work);
  }

  /** Makes every request of `client` take its lane's turn. */
  gate(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next) => (args) => {
        const lane = this.lane.getStore();
        if (lane === undefined || lane === 'bulk')
          return this.bulk.run(() => next(args), this.turn());
        if (!lane.usesStore) {
          lane.usesStore = true;
          if (this.usingStore++ === 0) this.bulk.resize(YIELDED_SLOTS);
        }
        return next(args);
      },
      { step: 'initialize', name: 'flightPulseStoreLanes', priority: 'high' },
    );
  }
}
