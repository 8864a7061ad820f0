import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type DeliveryStatus, statusesBefore } from '../../domain/delivery/delivery-status.ts';
import {
  type NotificationRecord,
  NotificationRecordSchema,
} from '../../domain/delivery/notification-record.ts';
import {
  type ProviderReceipt,
  UnknownProviderMessageError,
} from '../../domain/delivery/provider-receipt.ts';
import { carriedClaim, type ReportClaim } from '../../domain/delivery/report-claim.ts';
import type { Channel, NotificationDetail } from '../../domain/event-routing/bus-events.ts';
import { DEFAULT_RETENTION, expiresAfterDays } from '../../domain/records/retention.ts';
import type {
  ClaimVerdict,
  NotificationClaims,
  NotificationLog,
  Page,
  PageRequest,
  ProviderAcceptance,
} from '../../ports.ts';
import { CoalescingReader } from './coalescing-reader.ts';
import { CoalescingTransactWriter, type TransactItem } from './coalescing-transact-writer.ts';
import type { SingleTable } from './single-table.ts';
import { keys, prefixes, type TableKey, TTL_ATTRIBUTE, withoutKeys } from './table/table-keys.ts';

/** SENT items held for their delivery reports (a few seconds of a wave's sends). */
const MAX_HELD = 10_000;
/** How long a report waits for its mark to start in a sending process before reading the store. */
const OWN_MARK_WAIT_MS = 250;

/**
 * Notifications, one item per passenger-visible fact (its notification_id). The send task's
 * claim creates the item before the send; the same item is marked SENT after it and is what the
 * API lists, so the delivery log and the record cannot disagree.
 */
export class DynamoDbNotificationLog implements NotificationLog, NotificationClaims {
  private readonly table: SingleTable;
  /** Claims and status marks, gathered into TransactWriteItems calls. */
  private readonly transactions: CoalescingTransactWriter;
  /** Provider-id pointers (push) of reports arriving together, read in BatchGetItem calls. */
  private readonly pointers: CoalescingReader;
  /** The records those reports moved, read back the same way (strongly consistent). */
  private readonly records: CoalescingReader;
  private readonly retentionDays: number;
  /**
   * SENT marks this process is writing, by provider message id: a report that overtakes its own
   * mark waits for it here instead of reading the store again and again until it lands.
   */
  private readonly marking = new Map<string, Promise<unknown>>();
  /** When this process's claim created each notification's item (queued_at), by the detail claimed. */
  private readonly claimedAt = new WeakMap<NotificationDetail, string>();
  /**
   * Items this process claimed and marked SENT, by provider message id, until their report:
   * their key and record as written, so a report moves them without reading the pointer or the
   * record back. Bounded (a channel without reports never takes its entry): the oldest go first,
   * and a report that misses reads the store as before. Only channels whose reports come to this
   * process are held: the rest would only push reported ones out.
   */
  private readonly held = new Map<string, { key: TableKey; record: Record<string, unknown> }>();
  private readonly reportedHere: ReadonlySet<Channel>;
  /** Reports that overtook the start of their own mark, woken when it starts. */
  private readonly awaitingMark = new Map<string, Array<() => void>>();

  /**
   * Each notification (and its provider-id lookup) is kept `retentionDays` from its creation.
   * `reportedHere`: the channels whose delivery reports this process applies (none in AWS, where
   * the reports go to a function of their own).
   */
  constructor(
    table: SingleTable,
    retentionDays = DEFAULT_RETENTION.eventDays,
    { reportedHere = [] }: { reportedHere?: readonly Channel[] } = {},
  ) {
    this.table = table;
    this.reportedHere = new Set(reportedHere);
    // Sends and reports answer one by one: a few milliseconds' go together, and on a busy store
    // what arrives while four calls are under way waits for one of them to end.
    const gather = { windowMs: 5, maxInFlight: 4 };
    this.transactions = new CoalescingTransactWriter(table.doc, gather);
    this.pointers = new CoalescingReader(table.doc, table.name, gather);
    this.records = new CoalescingReader(table.doc, table.name, { ...gather, consistent: true });
    this.retentionDays = retentionDays;
  }

  private expiry(at: string): Record<string, number> {
    return { [TTL_ATTRIBUTE]: expiresAfterDays(at, this.retentionDays) };
  }

  async record(notification: NotificationDetail, recordedAt: string): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: {
            ...this.keyOf(notification),
            ...notification,
            status: 'SENT',
            recorded_at: recordedAt,
            ...this.expiry(recordedAt),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async claimAll(notifications: NotificationDetail[], at: string): Promise<ClaimVerdict[]> {
    return Promise.all(
      notifications.map(async (notification) => {
        const key = this.keyOf(notification);
        const outcome = await this.transactions.write([
          {
            Put: {
              TableName: this.table.name,
              Item: {
                ...key,
                ...notification,
                status: 'QUEUED',
                queued_at: at,
                ...this.expiry(at),
              },
              ConditionExpression: 'attribute_not_exists(PK)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
        ]);
        if (outcome.written) {
          this.claimedAt.set(notification, at);
          return 'claimed';
        }
        // A store that does not return the refused item costs one read.
        const held = outcome.old ?? (await this.readClaim(key));
        return held?.status === 'QUEUED' && held.event_id === notification.event_id
          ? 'resend'
          : 'taken';
      }),
    );
  }

  private async readClaim(key: TableKey): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: key, ConsistentRead: true }),
    );
    return Item;
  }

  async markSent(
    notification: NotificationDetail,
    at: string,
    sent?: ProviderAcceptance,
  ): Promise<void> {
    const key = this.keyOf(notification);
    if (!sent) {
      await this.transactions.write([this.statusMove(key, 'SENT', at, { sent_at: at })]);
      return;
    }
    const id = sent.provider_message_id;
    const fields = { ...sent, sent_at: at };
    const move = this.statusMove(key, 'SENT', at, fields);
    // A report that names only the provider's message id needs a way back to the claim: written
    // with the mark, in one transaction, so a report that finds it finds the claim SENT. Reports
    // that hand back the claim the message carried need none.
    const pointer = carriedClaim(notification.channel, notification)
      ? []
      : [
          {
            Put: {
              TableName: this.table.name,
              Item: { ...keys.providerMessage(id), notification: key, ...this.expiry(at) },
            },
          },
        ];
    const mark = this.transactions.write([move, ...pointer]).then((outcome) => {
      // Held before the mark settles, so a report waiting on it finds the entry.
      const queuedAt = this.claimedAt.get(notification);
      if (outcome.written && queuedAt !== undefined && this.reportedHere.has(notification.channel))
        this.hold(id, key, {
          ...notification,
          status: 'SENT',
          queued_at: queuedAt,
          status_at: at,
          ...fields,
        });
    });
    this.marking.set(id, mark);
    for (const wake of this.awaitingMark.get(id) ?? []) wake();
    try {
      await mark;
    } finally {
      if (this.marking.get(id) === mark) this.marking.delete(id);
    }
  }

  private hold(id: string, key: TableKey, record: Record<string, unknown>): void {
    this.held.set(id, { key, record });
    if (this.held.size > MAX_HELD) this.held.delete(this.held.keys().next().value as string);
  }

  async markUndeliverable(
    notification: NotificationDetail,
    outcome: { status: 'BOUNCED' | 'FAILED'; reason: string },
    at: string,
  ): Promise<void> {
    await this.transactions.write([
      this.statusMove(this.keyOf(notification), outcome.status, at, {
        status_reason: outcome.reason,
      }),
    ]);
  }

  async applyReceipt(receipt: ProviderReceipt): Promise<NotificationRecord | undefined> {
    const id = receipt.provider_message_id;
    // A process that sends gets its carriers' reports as it sends, some before the provider's
    // answer reached the send task: waiting for that mark beats moving a claim not yet marked.
    const sendsHere = this.reportedHere.size > 0 || this.marking.size + this.held.size > 0;
    if (sendsHere && !this.marking.has(id) && !this.held.has(id)) await this.markStarting(id);
    // Its outcome is the mark's own to report; the read below sees what it wrote, or retries.
    await this.marking.get(id)?.catch(() => undefined);
    // Marked SENT by this process, it holds the key; else the report names its claim (SES tags,
    // SMS context) or a pointer from the provider's message id does (push).
    const own = this.held.get(id);
    this.held.delete(id);
    const key = own?.key ?? (receipt.claim ? this.keyOf(receipt.claim) : await this.pointedAt(id));
    const reason: Record<string, string> = receipt.reason ? { status_reason: receipt.reason } : {};
    const move = this.statusMove(key, receipt.status, receipt.reported_at, reason);
    const outcome = await this.transactions.write([
      { Update: { ...move.Update, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
    ]);
    if (!outcome.written) {
      // A report that overtook the mark in another process finds its claim QUEUED: retried.
      // (So may a pointer written before the mark by an earlier version.)
      const held = outcome.old ?? (await this.readClaim(key));
      if (held?.status === 'QUEUED')
        throw new UnknownProviderMessageError(`${id} not marked sent yet`);
      return undefined;
    }
    // Moved (only from SENT, which this process wrote): the record is the one held, moved.
    if (own)
      return NotificationRecordSchema.parse({
        ...own.record,
        status: receipt.status,
        status_at: receipt.reported_at,
        ...reason,
      });
    // A report moves to a final status: the record read after the move is the record it made.
    const record = await this.records.get(key);
    return record ? NotificationRecordSchema.parse(withoutKeys(record)) : undefined;
  }

  /** Resolves when a mark of `id` starts here, or after OWN_MARK_WAIT_MS (another's message). */
  private markStarting(id: string): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        const left = (this.awaitingMark.get(id) ?? []).filter((w) => w !== wake);
        if (left.length > 0) this.awaitingMark.set(id, left);
        else this.awaitingMark.delete(id);
        resolve();
      };
      const timer = setTimeout(wake, OWN_MARK_WAIT_MS);
      this.awaitingMark.set(id, [...(this.awaitingMark.get(id) ?? []), wake]);
    });
  }

  /** The claim a provider message id points to (written with its SENT mark). */
  private async pointedAt(providerMessageId: string): Promise<TableKey> {
    const pointer = await this.pointers.get(keys.providerMessage(providerMessageId));
    if (!pointer) throw new UnknownProviderMessageError(`no notification for ${providerMessageId}`);
    return pointer.notification as TableKey;
  }

  /** The conditional update moving a status forward to `to` (no-op once it moved past it). */
  private statusMove(
    key: TableKey,
    to: DeliveryStatus,
    at: string,
    fields: Record<string, string>,
  ): { Update: NonNullable<TransactItem['Update']> } {
    const from = statusesBefore(to);
    const names = Object.keys(fields);
    return {
      Update: {
        TableName: this.table.name,
        Key: key,
        UpdateExpression: [
          'SET #status = :to, status_at = :at',
          ...names.map((n) => `#${n} = :${n}`),
        ].join(', '),
        ConditionExpression: `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
        ExpressionAttributeNames: {
          '#status': 'status',
          ...Object.fromEntries(names.map((n) => [`#${n}`, n])),
        },
        ExpressionAttributeValues: {
          ':to': to,
          ':at': at,
          ...Object.fromEntries(from.map((f, i) => [`:from${i}`, f])),
          ...Object.fromEntries(names.map((n) => [`:${n}`, fields[n]])),
        },
      },
    };
  }

  private keyOf(notification: ReportClaim) {
    return keys.notificationClaim(
      notification.flight_id,
      notification.booking_id,
      notification.notification_id,
    );
  }

  async list(
    filter: { flightId: string; bookingId?: string },
    page?: PageRequest,
  ): Promise<Page<NotificationRecord>> {
    const prefix = filter.bookingId
      ? prefixes.notificationsOfBooking(filter.bookingId)
      : prefixes.notification;
    const result = await this.table.page(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.flight(filter.flightId).PK, ':prefix': prefix },
      },
      page,
    );
    return {
      ...result,
      items: result.items.map((i) => NotificationRecordSchema.parse(withoutKeys(i))),
    };
  }
}
