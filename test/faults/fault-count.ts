import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJournal } from '../../src/adapters/delivery/journal-sender.ts';
import { all, call } from './fault-client.ts';

/** What a passenger's mailbox or phone holds: one line per message received. */
interface Received {
  notification_id?: string;
  channel?: string;
}

function lines(file: string): Received[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return line ? [JSON.parse(line) as Received] : [];
      } catch {
        return [];
      }
    });
}

/**
 * The fact a passenger received, independent of the claim key: flight, booking and channel.
 * Notification ids are `flight:booking:channel:kind:value`; a fallback's is `<id>><channel>`.
 */
function factOf(notificationId: string): string {
  const [flight, booking, channel] = notificationId.split(':');
  const fallback = notificationId.includes('>') ? notificationId.split('>').at(-1) : undefined;
  return `${flight}:${booking}:${fallback ?? channel}`;
}

export interface Count {
  /** Messages the passengers received (mailbox and handsets). */
  received: number;
  /** Received facts, with how often each arrived. */
  facts: Map<string, number>;
  /** Sends the journal recorded (the provider took them). */
  journaled: number;
  /** Messages received without the notification id that names their fact. */
  unnamed: number;
}

/** Counts what the passengers of a data directory received, by what they were told. */
export function countReceived(dataDir: string): Count {
  const inboxes = join(dataDir, 'inboxes');
  const received = [
    ...lines(join(inboxes, 'mail.jsonl')),
    ...lines(join(inboxes, 'handset.jsonl')),
  ];
  const facts = new Map<string, number>();
  let unnamed = 0;
  for (const message of received) {
    if (!message.notification_id) {
      unnamed++;
      continue;
    }
    const fact = factOf(message.notification_id);
    facts.set(fact, (facts.get(fact) ?? 0) + 1);
  }
  const journal = join(dataDir, 'deliveries.jsonl');
  const journaled = existsSync(journal) ? readJournal(journal).length : 0;
  return { received: received.length, facts, journaled, unnamed };
}

export interface EndState {
  flights: string[];
  needsRebooking: string[];
}

/** The flights' statuses and the bookings left needing rebooking, as the API reports them. */
export async function endState(base: string): Promise<EndState> {
  const flights = await all<{ flight_id: string; status: string }>(base, '/flights', 'flights');
  const bookings = await all<{ booking_id: string }>(
    base,
    '/bookings?status=NEEDS_REBOOKING',
    'bookings',
  );
  return {
    flights: flights.map((f) => `${f.flight_id}=${f.status}`).sort(),
    needsRebooking: bookings.map((b) => b.booking_id).sort(),
  };
}

/** The first few entries on which two end states disagree, for the report. */
export function difference(a: EndState, b: EndState): string | undefined {
  const only = (x: string[], y: string[]) => {
    const other = new Set(y);
    return x.filter((v) => !other.has(v)).slice(0, 5);
  };
  const diff = {
    flights_here: only(a.flights, b.flights),
    flights_reference: only(b.flights, a.flights),
    rebooking_here: only(a.needsRebooking, b.needsRebooking),
    rebooking_reference: only(b.needsRebooking, a.needsRebooking),
  };
  return Object.values(diff).some((v) => v.length > 0) ? JSON.stringify(diff) : undefined;
}

/**
 * Waits until the server has caught up: every event the case produced has an outcome in the
 * event log and no accepted run is pending, twice in a row. What was received by then is what
 * was sent; nothing is counted on a timer.
 */
export async function caughtUp(base: string, eventIds: Set<string>, minutes = 45): Promise<void> {
  const deadline = Date.now() + minutes * 60_000;
  let calm = 0;
  while (calm < 2) {
    if (Date.now() > deadline) throw new Error(`the server did not catch up in ${minutes} minutes`);
    await new Promise((r) => setTimeout(r, 1000));
    const { body } = await call<{ pending: number }>(base, '/runs/pending');
    const events = await all<{ event_id?: string; outcome: string }>(base, '/events', 'events');
    const settled = new Set(
      events.filter((e) => e.outcome !== 'RECEIVED' && e.event_id).map((e) => e.event_id),
    );
    const waiting = [...eventIds].filter((id) => !settled.has(id)).length;
    calm = body.pending === 0 && waiting === 0 ? calm + 1 : 0;
  }
}
