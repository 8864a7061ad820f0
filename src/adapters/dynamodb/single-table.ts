import {
  type DynamoDBDocumentClient,
  GetCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { Page, PageRequest } from '../../ports.ts';
import {
  CoalescingTransactWriter,
  type TransactItem,
  type TransactOutcome,
} from './coalescing-transact-writer.ts';
import { queryAll, queryPage, queryPages } from './query-pages.ts';
import { type TableKey, withoutKeys } from './table/table-keys.ts';

type Query = Omit<QueryCommandInput, 'TableName'>;

/** FlightPulseTable through the document client: what every store adapter shares. */
export class SingleTable {
  readonly doc: DynamoDBDocumentClient;
  readonly name: string;

  private transactions: CoalescingTransactWriter | undefined;

  constructor(doc: DynamoDBDocumentClient, name: string) {
    this.doc = doc;
    this.name = name;
  }

  /**
   * One conditional write; false when its condition failed. The ones asked for in the same turn
   * (a batch's bookings, written side by side) go out together in TransactWriteItems calls.
   */
  async writeIf(action: TransactItem): Promise<boolean> {
    return (await this.writeTogether([action])).written;
  }

  /** Conditional writes that stand or fall together, gathered as `writeIf`'s are. */
  writeTogether(actions: TransactItem[]): Promise<TransactOutcome> {
    this.transactions ??= new CoalescingTransactWriter(this.doc);
    return this.transactions.write(actions);
  }

  /** One item by key, without its key attributes, validated; undefined when absent. */
  async get<S extends z.ZodType>(key: TableKey, schema: S): Promise<z.infer<S> | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.name, Key: key }));
    return Item ? schema.parse(withoutKeys(Item)) : undefined;
  }

  page(query: Query, page?: PageRequest): Promise<Page<Record<string, unknown>>> {
    return queryPage(this.doc, { ...query, TableName: this.name }, page);
  }

  all(query: Query): Promise<Record<string, unknown>[]> {
    return queryAll(this.doc, { ...query, TableName: this.name });
  }

  /** Every item, a page at a time, for callers that turn each page into something smaller. */
  pages(query: Query): AsyncGenerator<Record<string, unknown>[]> {
    return queryPages(this.doc, { ...query, TableName: this.name });
  }
}
