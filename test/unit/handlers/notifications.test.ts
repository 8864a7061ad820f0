import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createRecordNotification } from '../../../src/handlers/record-notification.ts';
import { createSendNotifications } from '../../../src/handlers/send-notifications.ts';
import {
  CountingMetrics,
  FixedClock,
  InMemoryNotificationLog,
  RecordingPublisher,
  RecordingSender,
  SilentLog,
} from '../../support/fakes.ts';
import { sampleEvent } from '../../support/sample-events.ts';

interface TaskInput {
  messages: Array<{ booking_id: string; deliveries: Array<{ channel: string; priority: string }> }>;
}

function sendDeps(
  publisher: RecordingPublisher,
  claims = new InMemoryNotificationLog(),
  sender = new RecordingSender(),
) {
  return { publisher, claims, sender, clock: new FixedClock() };
}

describe('SendNotifications task', () => {
  it('claims each fact before sending: a second run, or the same fact under a new event_id, sends nothing', async () => {
    const claims = new InMemoryNotificationLog();
    const sender = new RecordingSender();
    const send = createSendNotifications(sendDeps(new RecordingPublisher(), claims, sender));
    const input = sampleEvent<TaskInput & { detail: { event_id: string } }>(
      'step-functions',
      'send-notifications',
    );
    const deliveries = input.messages.flatMap((m) => m.deliveries).length;

    await send(input);
    const again = await send(input);
    const renamed = await send({ ...input, detail: { ...input.detail, event_id: 'another-id' } });

    expect(sender.sent).toHaveLength(deliveries);
    expect(again).toEqual({ email: 0, sms: 0 });
    expect(renamed).toEqual({ email: 0, sms: 0 });
    expect([...claims.status.values()].every((c) => c.status === 'SENT')).toBe(true);
  });

  it('sends again what this event claimed but never marked sent (a crash between the two)', async () => {
    const claims = new InMemoryNotificationLog();
    const sender = new RecordingSender();
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');
    const crashing = {
      ...claims,
      claim: claims.claim.bind(claims),
      markSent: async () => {
        throw new Error('killed');
      },
    };
    await expect(
      createSendNotifications({ ...sendDeps(new RecordingPublisher()), claims: crashing, sender })(
        input,
      ),
    ).rejects.toThrow('killed');
    const lostSender = new RecordingSender();

    const retried = await createSendNotifications(
      sendDeps(new RecordingPublisher(), claims, lostSender),
    )(input);

    const deliveries = input.messages.flatMap((m) => m.deliveries).length;
    expect(retried.email + retried.sms).toBe(deliveries);
    expect(lostSender.sent).toHaveLength(deliveries);
  });

  it('publishes one notification event per delivery, immediate ones first', async () => {
    const publisher = new RecordingPublisher();
    const send = createSendNotifications(sendDeps(publisher));
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');
    const deliveries = input.messages.flatMap((m) => m.deliveries);

    const result = await send(input);

    expect(result).toEqual({
      email: deliveries.filter((d) => d.channel === 'EMAIL').length,
      sms: deliveries.filter((d) => d.channel === 'SMS').length,
    });
    expect(publisher.published).toHaveLength(deliveries.length);
    expect(publisher.published[0]?.detail.priority).toBe('IMMEDIATE');
    const ids = publisher.published.map((e) => e.detail.notification_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('publishes in the plan’s sending order: every immediate SMS before any email', async () => {
    const publisher = new RecordingPublisher();
    const send = createSendNotifications(sendDeps(publisher));
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');

    await send(input);

    const priorities = publisher.published.map((e) => e.detail.priority);
    const firstNormal = priorities.indexOf('NORMAL');
    expect(firstNormal).toBeGreaterThan(0);
    expect(priorities.slice(firstNormal)).not.toContain('IMMEDIATE');
  });

  it('refuses a payload without messages', async () => {
    const send = createSendNotifications(sendDeps(new RecordingPublisher()));
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');
    await expect(send({ ...input, messages: undefined })).rejects.toThrow();
  });
});

describe('RecordNotification target', () => {
  it('records a notification once and counts it once, however often it is delivered', async () => {
    const notifications = new InMemoryNotificationLog();
    const metrics = new CountingMetrics();
    const record = createRecordNotification({
      notifications,
      clock: new FixedClock(),
      metrics,
      log: new SilentLog(),
    });
    const event = sampleEvent<EventBridgeEvent<string, unknown>>('eventbridge', 'notification-sms');

    const first = await record(event);
    const again = await record(event);

    expect(first).toEqual({ recorded: true });
    expect(again).toEqual({ recorded: false });
    expect(notifications.records.size).toBe(1);
    expect(metrics.counts.get('NotificationsSent')).toBe(1);
  });
});
