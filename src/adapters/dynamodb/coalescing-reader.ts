import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Gathering, type GatheringOptions, type Waiting } from '../gathering.ts';
import { batchGet } from './batch-get.ts';
import type { TableKey } from './table/table-keys.ts';

/** Keys per BatchGetItem call. */
const BATCH_SIZE = 100;

/**
 * Reads by key gathered into BatchGetItem calls (eventually consistent unless `consistent`, as
 * GetItem): the reads gathered (gathering.ts) go out together, 100 keys a call.
 */
export class CoalescingReader {
  private readonly gathering: Gathering<TableKey, Record<string, unknown> | undefined>;

  constructor(
    doc: DynamoDBDocumentClient,
    tableName: string,
    options: Partial<Omit<GatheringOptions, 'fullAt'>> & { consistent?: boolean } = {},
  ) {
    const read = async (batch: Waiting<TableKey, Record<string, unknown> | undefined>[]) => {
      const keys = batch.map((w) => w.request);
      const items = await batchGet(doc, tableName, keys, options.consistent);
      const byKey = new Map(items.map((item) => [`${item.PK}|${item.SK}`, item]));
      for (const w of batch) w.done(byKey.get(`${w.request.PK}|${w.request.SK}`));
    };
    const { windowMs, maxInFlight } = options;
    this.gathering = new Gathering(read, {
      fullAt: BATCH_SIZE,
      windowMs,
      maxInFlight,
    });
  }

  get(key: TableKey): Promise<Record<string, unknown> | undefined> {
    return this.gathering.ask(key);
  }
}
