import type { ExecutionLog, ExecutionSummary, Page, PageRequest } from '../../ports.ts';
import { CoalescingWriter } from './coalescing-writer.ts';
import type { SingleTable } from './single-table.ts';
import { keys, prefixes, withoutKeys } from './table/table-keys.ts';

export class DynamoDbExecutionLog implements ExecutionLog {
  private readonly table: SingleTable;
  /** Summaries of many runs share BatchWriteItem calls: a wave ends hundreds of runs at once. */
  private readonly writer: CoalescingWriter;
  /** Per run, its newest summary and the write of it (so a run's summaries land in order). */
  private readonly latest = new Map<string, Record<string, unknown>>();
  private readonly writing = new Map<string, Promise<void>>();

  constructor(table: SingleTable) {
    this.table = table;
    this.writer = new CoalescingWriter(table.doc, table.name);
  }

  /**
   * Writes a run's summary after its earlier one (RUNNING, then how it ended); a summary a newer
   * one overtook before it went out is not written at all.
   */
  record(execution: ExecutionSummary): Promise<void> {
    const item = {
      ...keys.execution(execution.flight_id, execution.event_id, execution.state_machine),
      ...execution,
    };
    const key = `${item.PK}|${item.SK}`;
    this.latest.set(key, item);
    const write = (this.writing.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => (this.latest.get(key) === item ? this.writer.put(item) : undefined));
    this.writing.set(key, write);
    return write.finally(() => {
      if (this.writing.get(key) !== write) return;
      this.writing.delete(key);
      this.latest.delete(key);
    });
  }

  async list(flightId: string, page?: PageRequest): Promise<Page<ExecutionSummary>> {
    const result = await this.table.page(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.flight(flightId).PK,
          ':prefix': prefixes.execution,
        },
      },
      page,
    );
    return { ...result, items: result.items.map((i) => withoutKeys(i) as ExecutionSummary) };
  }
}
