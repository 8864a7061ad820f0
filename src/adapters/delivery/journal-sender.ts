import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import type { NotificationDetail } from '../../domain/event-routing/bus-events.ts';
import type { NotificationSender, SendResult } from '../../ports.ts';
import type { Dispatch } from './provider-dispatch.ts';

/** One line of the journal: what went out to whom, and the provider's id for it. */
export interface JournalLine {
  notification_id: string;
  event_id: string;
  flight_id: string;
  booking_id: string;
  channel: string;
  recipient: string;
  sent_at: string;
  provider?: string;
  provider_message_id?: string;
}

/** Provider calls in flight at once per send (a batch is up to 50 passengers × channels). */
const CONCURRENT_SENDS = 16;

/**
 * The way out to passengers with a journal: each notification goes through `dispatch` (the
 * channel's provider), and what the provider took is appended to the journal and fsynced before
 * the send counts as done. Like a provider honouring an idempotency key, it refuses a second send
 * of a notification id the journal holds, across restarts. Without a file the journal is in
 * memory (per Lambda container in AWS, where the claim in front of it is what counts).
 */
export class JournalSender implements NotificationSender {
  /**
   * Notification id → what the provider answered, for every send journaled: only what a replay
   * answers with, not the whole line (a wave journals tens of thousands of sends).
   */
  private readonly sent = new Map<string, Replay>();
  /** Sends under way: a second send of the same id (a re-driven run racing a timed-out one) waits for it. */
  private readonly inFlight = new Map<string, Promise<SendResult>>();
  private writing: Promise<unknown> = Promise.resolve();
  private nextWrite: Promise<void> | undefined;
  private readonly queued: JournalLine[] = [];
  private readonly file: string | undefined;
  private readonly now: () => string;
  private readonly dispatch: Dispatch;

  constructor(file: string | undefined, now: () => string, dispatch: Dispatch) {
    this.file = file;
    this.now = now;
    this.dispatch = dispatch;
    if (file && existsSync(file)) {
      for (const line of readJournal(file)) this.sent.set(line.notification_id, replayOf(line));
      // A line torn by a crash must not swallow the next one.
      const text = readFileSync(file, 'utf8');
      if (text.length > 0 && !text.endsWith('\n')) appendFileSync(file, '\n');
    }
  }

  async send(
    notifications: NotificationDetail[],
    onResult?: (notification: NotificationDetail, result: SendResult) => void,
  ): Promise<SendResult[]> {
    const limit = pLimit(CONCURRENT_SENDS);
    // In the given order (immediate first), several at a time; each id at most once at a time.
    const results = await Promise.all(
      notifications.map(async (n) => {
        const result = await this.sendOnce(n, limit);
        onResult?.(n, result);
        return result;
      }),
    );
    return results;
  }

  private sendOnce(n: NotificationDetail, limit: LimitFunction): Promise<SendResult> {
    const journaled = this.sent.get(n.notification_id);
    if (journaled) return Promise.resolve(replayed(n.notification_id, journaled));
    const running = this.inFlight.get(n.notification_id);
    if (running) return running;
    const sending = limit(() => this.sendOne(n));
    this.inFlight.set(n.notification_id, sending);
    return sending.finally(() => this.inFlight.delete(n.notification_id));
  }

  /** Dispatches one notification and journals it once the provider took it. */
  private async sendOne(n: NotificationDetail): Promise<SendResult> {
    const journaled = this.sent.get(n.notification_id);
    if (journaled) return replayed(n.notification_id, journaled);
    const result = await this.dispatch(n);
    if (result.outcome === 'SENT') await this.append([this.lineOf(n, result)]);
    return result;
  }

  private lineOf(n: NotificationDetail, result: SendResult & { outcome: 'SENT' }): JournalLine {
    return {
      notification_id: n.notification_id,
      event_id: n.event_id,
      flight_id: n.flight_id,
      booking_id: n.booking_id,
      channel: n.channel,
      recipient: n.recipient,
      sent_at: this.now(),
      provider: result.provider,
      provider_message_id: result.provider_message_id,
    };
  }

  /**
   * Group commit: lines that arrive while a write is under way go out together in the next one
   * (one fsync for many sends); each caller resolves once its own line is on disk.
   */
  private append(lines: JournalLine[]): Promise<void> {
    this.queued.push(...lines);
    if (!this.nextWrite) {
      this.nextWrite = this.writing.then(() => {
        const batch = this.queued.splice(0);
        this.nextWrite = undefined;
        return this.write(batch);
      });
      this.writing = this.nextWrite.catch(() => undefined);
    }
    return this.nextWrite;
  }

  private async write(lines: JournalLine[]): Promise<void> {
    const fresh = lines.filter((l) => !this.sent.has(l.notification_id));
    if (fresh.length === 0) return;
    for (const line of fresh) this.sent.set(line.notification_id, replayOf(line));
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      const handle = await open(this.file, 'a');
      try {
        await handle.appendFile(fresh.map((l) => `${JSON.stringify(l)}\n`).join(''));
        await handle.sync();
      } catch (error) {
        for (const line of fresh) this.sent.delete(line.notification_id);
        throw error;
      } finally {
        await handle.close();
      }
    }
  }
}

type Replay = Pick<JournalLine, 'provider' | 'provider_message_id'>;

function replayOf(line: JournalLine): Replay {
  return { provider: line.provider, provider_message_id: line.provider_message_id };
}

/** A send the journal already holds: answered from the journal, not sent again. */
function replayed(notificationId: string, replay: Replay): SendResult {
  return {
    notification_id: notificationId,
    outcome: 'SENT',
    provider: replay.provider ?? 'journal',
    provider_message_id: replay.provider_message_id ?? notificationId,
  };
}

/** Every complete line of a journal file (a line torn by a crash is not a send). */
export function readJournal(file: string): JournalLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text) => {
      try {
        return text ? [JSON.parse(text) as JournalLine] : [];
      } catch {
        return [];
      }
    });
}
