import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { NotificationDetail } from '../../domain/event-routing/bus-events.ts';
import type { NotificationSender } from '../../ports.ts';

/** One line of the journal: what went out to whom. */
export interface JournalLine {
  notification_id: string;
  event_id: string;
  flight_id: string;
  booking_id: string;
  channel: string;
  recipient: string;
  sent_at: string;
}

/**
 * The local way out to passengers (the mock send): appends each notification to a journal file
 * and fsyncs it before the send counts as done. Like a provider honouring an idempotency key, it
 * refuses a second send of a notification id it already holds, across restarts. Without a file it
 * keeps the journal in memory.
 */
export class JournalSender implements NotificationSender {
  readonly lines: JournalLine[] = [];
  private readonly sent = new Set<string>();
  private writing: Promise<unknown> = Promise.resolve();
  private readonly file: string | undefined;
  private readonly now: () => string;

  constructor(file: string | undefined, now: () => string) {
    this.file = file;
    this.now = now;
    if (file && existsSync(file)) {
      for (const line of readJournal(file)) this.sent.add(line.notification_id);
      // A line torn by a crash must not swallow the next one.
      const text = readFileSync(file, 'utf8');
      if (text.length > 0 && !text.endsWith('\n')) appendFileSync(file, '\n');
    }
  }

  send(notifications: NotificationDetail[]): Promise<void> {
    const result = this.writing.then(() => this.append(notifications));
    this.writing = result.catch(() => undefined);
    return result;
  }

  private async append(notifications: NotificationDetail[]): Promise<void> {
    const fresh: JournalLine[] = [];
    for (const n of notifications) {
      if (this.sent.has(n.notification_id)) continue;
      this.sent.add(n.notification_id);
      fresh.push({
        notification_id: n.notification_id,
        event_id: n.event_id,
        flight_id: n.flight_id,
        booking_id: n.booking_id,
        channel: n.channel,
        recipient: n.recipient,
        sent_at: this.now(),
      });
    }
    if (fresh.length === 0) return;
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
    this.lines.push(...fresh);
  }
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
