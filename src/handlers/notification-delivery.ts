import { fallbackNotification } from '../domain/delivery/fallback-notification.ts';
import { notificationDetailType } from '../domain/delivery/notification-record.ts';
import {
  type BusEntry,
  EVENT_SOURCES,
  type NotificationDetail,
} from '../domain/event-routing/bus-events.ts';
import type {
  BookingStore,
  Clock,
  EventPublisher,
  MetricsRecorder,
  NotificationClaims,
  NotificationSender,
  SendResult,
} from '../ports.ts';

export interface NotificationDeliveryDeps {
  claims: NotificationClaims;
  sender: NotificationSender;
  /** Where a fallback finds the passenger's other channels and contact details. */
  bookings: Pick<BookingStore, 'getPassenger'>;
  clock: Clock;
  metrics?: MetricsRecorder;
}

/**
 * The bus entry announcing a notification that went out (record, audit, console). It was
 * claimed before the send, so its record exists: the record target has nothing to write.
 */
export function notificationEntry(detail: NotificationDetail): BusEntry {
  return {
    source: EVENT_SOURCES.workflows,
    detailType: notificationDetailType(detail.channel),
    detail: { ...detail, claimed: true },
  };
}

/** Hears notifications that went out (their SENT mark stored), in sending order. */
export type Announce = (sent: NotificationDetail[]) => Promise<void>;

/** Announces what went out as notification.* events on the bus. */
export function announceOn(publisher: EventPublisher): Announce {
  return (sent) => publisher.publish(sent.map(notificationEntry));
}

/**
 * Claims every notification, sends (in order) those this event may send, and records what each
 * provider did: SENT with its message id, or BOUNCED / FAILED with the reason — in which case the
 * passenger is tried on the next channel they accept, claimed and sent the same way. Returns the
 * notifications that went out, fallbacks included; `announce` hears them in that order, each as
 * soon as it and every one before it are marked (not once the whole batch is), so the first
 * passengers' notifications are announced while the rest of the batch is still going out.
 * The first is claimed, sent and marked alone, before the others are claimed: beside them, its
 * claim would wait for a transaction of the whole batch, and its provider's answer and its mark
 * behind their message building on the one event loop; the first notification is what a
 * disruption's clock counts. Should someone else hold the first, the rest are claimed together
 * and the first of those goes alone instead (a re-drive does not claim one by one).
 */
export async function deliverNotifications(
  notifications: NotificationDetail[],
  deps: NotificationDeliveryDeps,
  announce: Announce = async () => {},
): Promise<NotificationDetail[]> {
  const at = deps.clock.now();
  const announcing = inOrder(notifications, announce);
  const results = new Map<NotificationDetail, SendResult>();
  // Each is marked as soon as its own provider answered: its delivery report may follow at once.
  const marks = new Map<NotificationDetail, Promise<void>>();
  const mark = (n: NotificationDetail, result: SendResult) => {
    if (marks.has(n)) return;
    results.set(n, result);
    const marking = markOutcome(n, result, deps);
    // Awaited below with the others; until then a failure must not count as unhandled.
    marking.catch(() => undefined);
    marks.set(n, marking);
    announcing.marked(n, result, marking);
  };
  const claim = async (batch: NotificationDetail[]) => {
    if (batch.length === 0) return [];
    const verdicts = await deps.claims.claimAll(batch, at);
    const taken = batch.filter((_, index) => verdicts[index] === 'taken');
    announcing.passed(taken);
    return batch.filter((_, index) => verdicts[index] !== 'taken');
  };
  const sendAndMark = async (batch: NotificationDetail[]) => {
    if (batch.length === 0) return;
    const answered = await deps.sender.send(batch, mark);
    batch.forEach((n, index) => {
      const result = answered[index];
      if (result) mark(n, result);
    });
    await Promise.all(batch.map((n) => marks.get(n)));
  };
  const [head, ...rest] = notifications;
  if (head === undefined) return [];
  const first = await claim([head]);
  await sendAndMark(first);
  const others = await claim(rest);
  if (first.length > 0) await sendAndMark(others);
  else {
    await sendAndMark(others.slice(0, 1));
    await sendAndMark(others.slice(1));
  }
  await announcing.done();
  const mine = [...first, ...others];
  if (mine.length === 0) return [];
  const sent = mine.filter((n) => results.get(n)?.outcome === 'SENT');
  const failed = mine.filter((n) => {
    const outcome = results.get(n)?.outcome;
    return outcome !== undefined && outcome !== 'SENT';
  });
  deps.metrics?.count('NotificationsSent', sent.length);
  if (failed.length > 0) deps.metrics?.count('NotificationsUndeliverable', failed.length);
  const fallbacks = await fallbacksFor(failed, deps);
  // Each fallback moves to a channel not tried before, so this ends within three channels.
  return fallbacks.length > 0
    ? [...sent, ...(await deliverNotifications(fallbacks, deps, announce))]
    : sent;
}

/**
 * Announces the SENT notifications of `order` in that order as their marks are stored: the
 * marked ones at the head go out at once, each announcement after the one before. A mark that
 * failed holds back everything after it (the batch fails, and its run tries again).
 */
function inOrder(order: NotificationDetail[], announce: Announce) {
  const settled = new Map<NotificationDetail, boolean>();
  let next = 0;
  let announced: Promise<void> = Promise.resolve();
  const advance = () => {
    const ready: NotificationDetail[] = [];
    for (let n = order[next]; n !== undefined && settled.has(n); n = order[++next])
      if (settled.get(n)) ready.push(n);
    if (ready.length === 0) return;
    announced = announced.then(() => announce(ready));
    // Awaited by done(); a batch whose marks failed first never gets there.
    announced.catch(() => undefined);
  };
  return {
    /** Notifications someone else holds: never announced here, they hold back nothing. */
    passed(taken: NotificationDetail[]) {
      for (const n of taken) settled.set(n, false);
      if (taken.length > 0) advance();
    },
    marked(n: NotificationDetail, result: SendResult, marking: Promise<void>) {
      marking.then(
        () => {
          settled.set(n, result.outcome === 'SENT');
          advance();
        },
        () => undefined,
      );
    },
    done: () => announced,
  };
}

/** Records what the provider did with one notification: SENT with its id, or why not. */
async function markOutcome(
  n: NotificationDetail,
  result: SendResult,
  deps: NotificationDeliveryDeps,
): Promise<void> {
  if (result.outcome === 'SENT') {
    const { provider, provider_message_id } = result;
    await deps.claims.markSent(n, deps.clock.now(), { provider, provider_message_id });
  } else {
    await deps.claims.markUndeliverable(
      n,
      { status: result.outcome, reason: result.reason },
      deps.clock.now(),
    );
  }
}

/** The same messages on each passenger's next accepted channel, where one is left. */
export async function fallbacksFor(
  failed: NotificationDetail[],
  deps: Pick<NotificationDeliveryDeps, 'bookings' | 'clock' | 'metrics'>,
): Promise<NotificationDetail[]> {
  const next = await Promise.all(
    failed.map(async (n) => {
      const passenger = await deps.bookings.getPassenger(n.passenger_id);
      return passenger ? fallbackNotification(n, passenger, deps.clock.now()) : undefined;
    }),
  );
  const fallbacks = next.filter((n): n is NotificationDetail => n !== undefined);
  if (fallbacks.length > 0) deps.metrics?.count('NotificationFallbacks', fallbacks.length);
  return fallbacks;
}
