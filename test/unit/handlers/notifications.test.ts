import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createRecordNotification } from '../../../src/handlers/record-notification.ts';
import { createSendNotifications } from '../../../src/handlers/send-notifications.ts';
import {
  CountingMetrics,
  FixedClock,
  InMemoryNotificationLog,
  RecordingPublisher,
  SilentLog,
} from '../../support/fakes.ts';
import { sampleEvent } from '../../support/sample-events.ts';

interface TaskInput {
  messages: Array<{ booking_id: string; deliveries: Array<{ channel: string; priority: string }> }>;
}

describe('SendNotifications task', () => {
  it('publishes one notification event per delivery, immediate ones first', async () => {
    const publisher = new RecordingPublisher();
    const send = createSendNotifications({ publisher, clock: new FixedClock() });
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
    const send = createSendNotifications({ publisher, clock: new FixedClock() });
    const input = sampleEvent<TaskInput>('step-functions', 'send-notifications');

    await send(input);

    const priorities = publisher.published.map((e) => e.detail.priority);
    const firstNormal = priorities.indexOf('NORMAL');
    expect(firstNormal).toBeGreaterThan(0);
    expect(priorities.slice(firstNormal)).not.toContain('IMMEDIATE');
  });

  it('refuses a payload without messages', async () => {
    const send = createSendNotifications({
      publisher: new RecordingPublisher(),
      clock: new FixedClock(),
    });
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
