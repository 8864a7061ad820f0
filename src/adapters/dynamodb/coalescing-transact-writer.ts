import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { backoffMs, mayRetry, type RetryPolicy } from '../../domain/delivery/retry-policy.ts';
import { Gathering, type GatheringOptions, type Waiting } from '../gathering.ts';

/** One action of a TransactWriteItems call (Put, Update, Delete or ConditionCheck). */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * What became of a group: written, or refused because the condition of its item `failedAt`
 * failed (nothing of the group was written), with that item as it stood when it asked for it.
 */
export type TransactOutcome =
  | { written: true }
  | { written: false; failedAt: number; old: Record<string, unknown> | undefined };

/** DynamoDB's limits on one TransactWriteItems call: 100 actions, 4 MB (some kept in reserve). */
const MAX_ITEMS = 100;
const MAX_BYTES = 3_500_000;
/** Cancellation codes of an item that was not at fault and may go again as it is. */
const RETRY_CODES = new Set([
  'None',
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);
/** Conflicts with another writer clear in milliseconds: retry soon, a few seconds in all. */
const STORE_RETRIES: RetryPolicy = { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 1_000 };

type Group = Waiting<TransactItem[], TransactOutcome>;

/**
 * Conditional writes gathered into TransactWriteItems calls. Each caller asks for a group of
 * actions that stand or fall together (a status update and its pointer); the groups gathered
 * (gathering.ts: a window, or while earlier calls are under way) go out in transactions of up to
 * 100 actions. A group whose condition fails is
 * answered as refused (with the item as it was) and the others go again without it; a group that
 * met a conflict or throttling goes again after a backoff. Two groups touching one item never
 * share a call (DynamoDB refuses that): the later goes in the next round, after the first.
 */
export class CoalescingTransactWriter {
  private readonly doc: DynamoDBDocumentClient;
  private readonly gathering: Gathering<TransactItem[], TransactOutcome>;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    doc: DynamoDBDocumentClient,
    options: Partial<Omit<GatheringOptions, 'fullAt'>> & {
      sleep?: (ms: number) => Promise<void>;
    } = {},
  ) {
    this.doc = doc;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const { windowMs, maxInFlight } = options;
    this.gathering = new Gathering((batch) => this.writeRounds(batch), {
      fullAt: MAX_ITEMS,
      windowMs,
      maxInFlight,
    });
  }

  /** Writes the group's actions in one transaction with others'; resolves once they are written. */
  write(group: TransactItem[]): Promise<TransactOutcome> {
    return this.gathering.ask(group);
  }

  private async writeRounds(batch: Group[]): Promise<void> {
    let left = batch;
    while (left.length > 0) {
      const { calls, later } = packCalls(left);
      await Promise.all(calls.map((call) => this.commit(call)));
      left = later;
    }
  }

  /** One call's groups until each is written, refused or out of retries. */
  private async commit(groups: Group[]): Promise<void> {
    let open = groups;
    for (let attempt = 1; open.length > 0; ) {
      let reasons: Reason[] | undefined;
      try {
        reasons = await this.attempt(open);
      } catch (error) {
        // The SDK already retried what it could; other calls' groups are not this one's to fail.
        for (const g of open) g.failed(error);
        return;
      }
      if (!reasons) {
        for (const g of open) g.done({ written: true });
        return;
      }
      const again = this.settleRefused(open, reasons);
      // Progress (a refused group left) retries at once; a conflict or throttling backs off.
      if (again.length === open.length) {
        if (!mayRetry(attempt, STORE_RETRIES)) {
          const error = new Error(
            `TransactWriteItems cancelled ${attempt} times: ${codes(reasons)}`,
          );
          for (const g of again) g.failed(error);
          return;
        }
        await this.sleep(backoffMs(attempt, STORE_RETRIES));
        attempt++;
      }
      open = again;
    }
  }

  /** Sends one transaction: undefined when written, else each action's cancellation reason. */
  private async attempt(groups: Group[]): Promise<Reason[] | undefined> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: groups.flatMap((g) => g.request),
          // The SDK's retry of a call whose answer was lost replays it instead of being cancelled
          // by its own writes; each attempt here has other actions, so a token of its own.
          ClientRequestToken: randomUUID(),
        }),
      );
      return undefined;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      return (error.CancellationReasons ?? []).map((r) => ({
        code: r.Code ?? 'None',
        item: r.Item ? unmarshall(r.Item) : undefined,
        message: r.Message,
      }));
    }
  }

  /** Answers the groups at fault (refused, or failed for good); returns those to try again. */
  private settleRefused(groups: Group[], reasons: Reason[]): Group[] {
    const again: Group[] = [];
    let index = 0;
    for (const g of groups) {
      const own = g.request.map((_, i) => reasons[index + i] ?? { code: 'None' });
      index += g.request.length;
      const failedAt = own.findIndex((r) => r.code === 'ConditionalCheckFailed');
      const fatal = own.find(
        (r) => r.code !== 'ConditionalCheckFailed' && !RETRY_CODES.has(r.code),
      );
      if (failedAt >= 0) g.done({ written: false, failedAt, old: own[failedAt]?.item });
      else if (fatal)
        g.failed(new Error(`TransactWriteItems: ${fatal.code} ${fatal.message ?? ''}`));
      else again.push(g);
    }
    return again;
  }
}

interface Reason {
  code: string;
  item?: Record<string, unknown> | undefined;
  message?: string | undefined;
}

function codes(reasons: Reason[]): string {
  return [...new Set(reasons.map((r) => r.code))].join(', ');
}

/**
 * Packs groups into calls within DynamoDB's limits, each item in at most one group per round;
 * groups touching an item already in this round wait for the next.
 */
function packCalls(groups: Group[]): { calls: Group[][]; later: Group[] } {
  const calls: Group[][] = [];
  const later: Group[] = [];
  const touched = new Set<string>();
  let call: Group[] = [];
  let items = 0;
  let bytes = 0;
  for (const g of groups) {
    const keys = g.request.map(itemKey);
    if (keys.some((k) => touched.has(k))) {
      later.push(g);
      continue;
    }
    const size = Buffer.byteLength(JSON.stringify(g.request));
    if (call.length > 0 && (items + g.request.length > MAX_ITEMS || bytes + size > MAX_BYTES)) {
      calls.push(call);
      call = [];
      items = 0;
      bytes = 0;
    }
    for (const k of keys) touched.add(k);
    call.push(g);
    items += g.request.length;
    bytes += size;
  }
  if (call.length > 0) calls.push(call);
  return { calls, later };
}

/** The table and key an action touches. */
function itemKey(action: TransactItem): string {
  const target = action.Put ?? action.Update ?? action.Delete ?? action.ConditionCheck;
  const key =
    (action.Put ? action.Put.Item : (target as { Key?: Record<string, unknown> })?.Key) ?? {};
  return `${target?.TableName}|${String(key.PK)}|${String(key.SK)}`;
}
