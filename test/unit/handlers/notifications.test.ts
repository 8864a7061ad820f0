import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { NotificationDetail } from '../../../src/domain/event-routing/bus-events.ts';
import { createDeliveryStatus } from '../../../src/handlers/delivery-status.ts';
import { createRecordNotification } from '../../../src/handlers/record-notification.ts';
import { createSendMessages } from '../../../src/handlers/send-notifications.ts';
import type { SendResult } from '../../../src/ports.ts';
import { channelFakes } from '../../support/channel-fakes.ts';
import {
  CountingMetrics,
  FixedClock,
  InMemoryNotificationLog,
  InMemoryStores,
  RecordingPublisher,
  RecordingSender,
  SilentLog,
} from '../../support/fakes.ts';
import { sampleEvent } from '../../support/sample-events.ts';

interface TaskInput {
  messages: Array<{ booking_id: string; deliveries: Array<{ channel: string; priority: string }> }>;
}

/** A RecordNotification target with the log it writes and the metrics it counts. */
function recorder() {
  const notifications = new InMemoryNotificationLog();
  const metrics = new CountingMetrics();
  const record = createRecordNotification({
    notifications,
    clock: new FixedClock(),
    metrics,
    log: new SilentLog(),
  });
  return { notifications, metrics, record };
}

describe('SendNotifications task', () => {
  it('claims each fact before sending: a second run, or the same fact under a new event_id, sends nothing', async () => {
    const claims = new InMemoryNotificationLog();
    const sender = new RecordingSender();
    const send = createSendMessages(channelFakes({ claims, sender }));
    const input = sampleEvent<TaskInput & { detail: { event_id: string } }>(
      'step-functions',
      'send-notifications',
    );
    const deliveries = input.messages.flatMap((m) => m.deliveries).length;

    await send(input);
    const again = await send(input);
    const renamed = await send({ ...input, detail: { ...input.detail, event_id: 'another-id' } });

    expect(sender.sent).toHaveLength(deliveries);
    expect(again).toEqual({ email: 0, sms: 0, push: 0 });
    expect(renamed).toEqual({ email: 0, sms: 0, push: 0 });
    expect([...claims.status.values()].every((c) => c.status === 'SENT')).toBe(true);
  });

  it('sends again what this event claimed but never marked sent (a crash between the two)', async () => {
    const claims = new InMemoryNotificationLog();
    const sender = new RecordingSender();
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');
    const crashing = Object.assign(Object.create(claims) as InMemoryNotificationLog, {
      markSent: async () => {
        throw new Error('killed');
      },
    });
    await expect(
      createSendMessages(channelFakes({ claims: crashing, sender }))(input),
    ).rejects.toThrow('killed');
    const lostSender = new RecordingSender();

    const retried = await createSendMessages(channelFakes({ claims, sender: lostSender }))(input);

    const deliveries = input.messages.flatMap((m) => m.deliveries).length;
    expect(retried.email + retried.sms).toBe(deliveries);
    expect(lostSender.sent).toHaveLength(deliveries);
  });

  it('publishes one notification event per delivery, immediate ones first', async () => {
    const publisher = new RecordingPublisher();
    const send = createSendMessages(channelFakes({ publisher }));
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');
    const deliveries = input.messages.flatMap((m) => m.deliveries);

    const result = await send(input);

    expect(result).toEqual({
      email: deliveries.filter((d) => d.channel === 'EMAIL').length,
      sms: deliveries.filter((d) => d.channel === 'SMS').length,
      push: 0,
    });
    expect(publisher.published).toHaveLength(deliveries.length);
    expect(publisher.published[0]?.detail.priority).toBe('IMMEDIATE');
    const ids = publisher.published.map((e) => e.detail.notification_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('publishes in the plan’s sending order: every immediate SMS before any email', async () => {
    const publisher = new RecordingPublisher();
    const send = createSendMessages(channelFakes({ publisher }));
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');

    await send(input);

    const priorities = publisher.published.map((e) => e.detail.priority);
    const firstNormal = priorities.indexOf('NORMAL');
    expect(firstNormal).toBeGreaterThan(0);
    expect(priorities.slice(firstNormal)).not.toContain('IMMEDIATE');
  });

  it('refuses a payload without messages', async () => {
    const send = createSendMessages(channelFakes());
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');
    await expect(send({ ...input, messages: undefined })).rejects.toThrow();
  });
});

describe('marks as the providers answer', () => {
  it('marks each notification SENT as soon as its own provider answered, before the batch ends', async () => {
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');
    const claims = new InMemoryNotificationLog();
    let sentWhileBatchRan: string[] = [];
    // Answers the first notification of each call, lets the event loop turn, then the rest.
    const sender = new (class extends RecordingSender {
      override async send(
        notifications: NotificationDetail[],
        onResult?: (n: NotificationDetail, r: SendResult) => void,
      ) {
        const results = await super.send(notifications);
        const [first, ...rest] = notifications;
        if (first && results[0]) onResult?.(first, results[0]);
        await new Promise((resolve) => setImmediate(resolve));
        sentWhileBatchRan = [...claims.records.values()]
          .filter((r) => r.status === 'SENT')
          .map((r) => r.notification_id);
        rest.forEach((n, index) => {
          const result = results[index + 1];
          if (result) onResult?.(n, result);
        });
        return results;
      }
    })();
    await createSendMessages(channelFakes({ claims, sender }))(input);
    // The first went out alone; of the rest, only the one answered was marked while they ran.
    expect(sentWhileBatchRan).toEqual(sender.sent.slice(0, 2).map((n) => n.notification_id));
    expect([...claims.records.values()].every((r) => r.status === 'SENT')).toBe(true);
    expect(claims.records.size).toBe(sender.sent.length);
  });
});

describe('the first notification of a batch', () => {
  it('goes out and is marked and announced alone, before the others are sent', async () => {
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');
    const claims = new InMemoryNotificationLog();
    const publisher = new RecordingPublisher();
    const calls: Array<{ size: number; marked: string[]; announced: number }> = [];
    const sender = new (class extends RecordingSender {
      override async send(notifications: NotificationDetail[]) {
        calls.push({
          size: notifications.length,
          marked: [...claims.records.values()]
            .filter((r) => r.status === 'SENT')
            .map((r) => r.notification_id),
          announced: publisher.published.length,
        });
        return super.send(notifications);
      }
    })();
    await createSendMessages(channelFakes({ claims, publisher, sender }))(input);
    const count = sender.sent.length;
    expect(count).toBeGreaterThan(2);
    expect(calls).toEqual([
      { size: 1, marked: [], announced: 0 },
      { size: count - 1, marked: [sender.sent[0]?.notification_id], announced: 1 },
    ]);
  });
  /** A log that notes, at each claim, how many it claims and which are marked SENT by then. */
  function claimsNoting() {
    const claimed: Array<{ size: number; marked: string[] }> = [];
    const claims = new (class extends InMemoryNotificationLog {
      override async claimAll(notifications: NotificationDetail[], at = '') {
        claimed.push({
          size: notifications.length,
          marked: [...this.records.values()]
            .filter((r) => r.status === 'SENT')
            .map((r) => r.notification_id),
        });
        return super.claimAll(notifications, at);
      }
    })();
    return { claims, claimed };
  }

  it('is claimed alone: the others are claimed once it is marked', async () => {
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');
    const { claims, claimed } = claimsNoting();
    const sender = new RecordingSender();
    await createSendMessages(channelFakes({ claims, sender }))(input);
    const count = sender.sent.length;
    expect(count).toBeGreaterThan(2);
    expect(claimed).toEqual([
      { size: 1, marked: [] },
      { size: count - 1, marked: [sender.sent[0]?.notification_id] },
    ]);
  });

  it('held by another event: the rest are claimed together, and their first goes alone', async () => {
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');
    const first = new RecordingSender();
    await createSendMessages(channelFakes({ sender: first }))(input);
    const [held, ...others] = first.sent;
    const { claims, claimed } = claimsNoting();
    // Another event sent the first one already.
    await claims.claimAll([{ ...(held as NotificationDetail), event_id: 'another-event' }]);
    claimed.length = 0;
    const publisher = new RecordingPublisher();
    const sizes: number[] = [];
    const sender = new (class extends RecordingSender {
      override async send(notifications: NotificationDetail[]) {
        sizes.push(notifications.length);
        return super.send(notifications);
      }
    })();
    await createSendMessages(channelFakes({ claims, publisher, sender }))(input);
    expect(claimed.map((c) => c.size)).toEqual([1, others.length]);
    expect(sizes).toEqual([1, others.length - 1]);
    expect(sender.sent.map((n) => n.notification_id)).toEqual(others.map((n) => n.notification_id));
    expect(publisher.published.map((e) => e.detail.notification_id)).toEqual(
      others.map((n) => n.notification_id),
    );
  });
});

describe('announces as the marks are stored', () => {
  /** A sender answering the notifications one by one, an event-loop turn apart, in `order`. */
  function answeringInTurns(order: (count: number) => number[], seen: () => void) {
    return new (class extends RecordingSender {
      override async send(
        notifications: NotificationDetail[],
        onResult?: (n: NotificationDetail, r: SendResult) => void,
      ) {
        const results = await super.send(notifications);
        for (const index of order(notifications.length)) {
          const [n, result] = [notifications[index], results[index]];
          if (n && result) onResult?.(n, result);
          await new Promise((resolve) => setImmediate(resolve));
          seen();
        }
        return results;
      }
    })();
  }

  it('publishes each notification once it is marked, before the batch ends', async () => {
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');
    const publisher = new RecordingPublisher();
    const publishedAfterEach: number[] = [];
    const sender = answeringInTurns(
      (count) => [...Array(count).keys()],
      () => publishedAfterEach.push(publisher.published.length),
    );
    await createSendMessages(channelFakes({ publisher, sender }))(input);
    const count = sender.sent.length;
    expect(count).toBeGreaterThan(1);
    expect(publishedAfterEach).toEqual([...Array(count).keys()].map((i) => i + 1));
  });

  it('keeps the sending order: one marked early waits for those before it', async () => {
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');
    const publisher = new RecordingPublisher();
    const publishedAfterEach: number[] = [];
    // The last answers first, then the others in order.
    const sender = answeringInTurns(
      (count) => [count - 1, ...[...Array(count - 1).keys()]],
      () => publishedAfterEach.push(publisher.published.length),
    );
    await createSendMessages(channelFakes({ publisher, sender }))(input);
    const count = sender.sent.length;
    // The first went out alone and was announced; the rest's last answer waits for those before it.
    expect(publishedAfterEach.slice(0, 2)).toEqual([1, 1]);
    expect(publishedAfterEach.at(-1)).toBe(count);
    expect(publisher.published.map((e) => e.detail.notification_id)).toEqual(
      sender.sent.map((n) => n.notification_id),
    );
  });
});

describe('delivery status and fallback', () => {
  const deviceArn = 'arn:aws:sns:us-east-1:000000000000:endpoint/GCM/flightpulse/d1';

  /** The sample's first passenger, made reachable by push too. */
  function withPush(stores: InMemoryStores, passengerId: string) {
    const p = stores.passengers.get(passengerId);
    if (!p) throw new Error(`no sample passenger ${passengerId}`);
    stores.passengers.set(passengerId, {
      ...p,
      notification_preferences: { ...p.notification_preferences, push: true },
      push_endpoints: [deviceArn],
    });
    return p;
  }

  it('records SENT with the provider id, and a hard bounce falls back to push', async () => {
    const input = sampleEvent<TaskInput & { messages: Array<{ passenger_id: string }> }>(
      'step-functions',
      'send-notifications',
    );
    const smsRecipient = '+15550000007';
    const stores = new InMemoryStores();
    withPush(stores, input.messages[0]?.passenger_id ?? '');
    const claims = new InMemoryNotificationLog();
    const publisher = new RecordingPublisher();
    const sender = new RecordingSender([smsRecipient]);
    const send = createSendMessages(channelFakes({ publisher, claims, sender, bookings: stores }));

    const result = await send(input);

    const records = [...claims.records.values()];
    const bounced = records.find((r) => r.recipient === smsRecipient);
    expect(bounced).toMatchObject({ status: 'BOUNCED', status_reason: 'recipient refused' });
    const push = records.find((r) => r.channel === 'PUSH');
    expect(push).toMatchObject({
      status: 'SENT',
      provider: 'recording',
      recipient: deviceArn,
      fallback_from: bounced?.notification_id,
      body: bounced?.body,
    });
    expect(result.push).toBe(1);
    expect(publisher.published.map((e) => e.detailType)).toContain('notification.push');
    // Sending the same input again sends nothing: every fact, fallback included, is claimed.
    const before = sender.sent.length;
    await send(input);
    expect(sender.sent.length).toBe(before);
  });

  it('applies a late bounce report, then reaches the passenger on the next channel', async () => {
    const input = sampleEvent<TaskInput & { messages: Array<{ passenger_id: string }> }>(
      'step-functions',
      'send-notifications',
    );
    const stores = new InMemoryStores();
    withPush(stores, input.messages[0]?.passenger_id ?? '');
    const claims = new InMemoryNotificationLog();
    const publisher = new RecordingPublisher();
    const sender = new RecordingSender();
    await createSendMessages(channelFakes({ publisher, claims, sender, bookings: stores }))(input);
    const sms = [...claims.records.values()].find((r) => r.channel === 'SMS');
    const status = createDeliveryStatus({
      ...channelFakes({ publisher, claims, sender, bookings: stores }),
      log: new SilentLog(),
    });

    const applied = await status({
      source: 'sms',
      record: {
        eventType: 'TEXT_CARRIER_UNREACHABLE',
        eventTimestamp: 1736942405000,
        messageId: sms?.provider_message_id,
        messageStatus: 'CARRIER_UNREACHABLE',
      },
    });
    const late = await status({
      source: 'sms',
      record: {
        eventType: 'TEXT_DELIVERED',
        eventTimestamp: 1736942406000,
        messageId: sms?.provider_message_id,
        messageStatus: 'DELIVERED',
      },
    });

    expect(applied).toEqual({ applied: true });
    expect(late).toEqual({ applied: false });
    expect(claims.records.get(sms?.notification_id ?? '')?.status).toBe('BOUNCED');
    expect(sender.sent.filter((n) => n.channel === 'PUSH')).toHaveLength(1);
    expect(publisher.published.map((e) => e.detailType)).toEqual(
      expect.arrayContaining(['delivery.status_changed', 'notification.push']),
    );
  });
});

describe('RecordNotification target', () => {
  it('records a notification once and counts it once, however often it is delivered', async () => {
    const { notifications, metrics, record } = recorder();
    const event = sampleEvent<EventBridgeEvent<string, unknown>>('eventbridge', 'notification-sms');

    const first = await record(event);
    const again = await record(event);

    expect(first).toEqual({ recorded: true });
    expect(again).toEqual({ recorded: false });
    expect(notifications.records.size).toBe(1);
    expect(metrics.counts.get('NotificationsSent')).toBe(1);
  });

  it('writes nothing for a notification the send step claimed: the claim is its record', async () => {
    const { notifications, metrics, record } = recorder();
    const event = sampleEvent<EventBridgeEvent<string, Record<string, unknown>>>(
      'eventbridge',
      'notification-sms',
    );

    const result = await record({ ...event, detail: { ...event.detail, claimed: true } });

    expect(result).toEqual({ recorded: false });
    expect(notifications.records.size).toBe(0);
    expect(metrics.counts.get('NotificationsSent')).toBeUndefined();
  });

  it('marks what the send step publishes as claimed', async () => {
    const publisher = new RecordingPublisher();
    await createSendMessages(channelFakes({ publisher }))(
      sampleEvent<TaskInput>('step-functions', 'send-notifications'),
    );
    expect(publisher.published.length).toBeGreaterThan(0);
    expect(publisher.published.every((e) => (e.detail as { claimed?: boolean }).claimed)).toBe(
      true,
    );
  });
});
