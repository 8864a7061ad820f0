// Lambda entry: SES events (EventBridge), SMS receipts and push failures (SNS) → delivery status.
import type { EventBridgeEvent, SNSEvent } from 'aws-lambda';
import { JournalSender } from '../adapters/delivery/journal-sender.ts';
import { providerDispatch } from '../adapters/delivery/provider-dispatch.ts';
import { createDeliveryStatus } from '../handlers/delivery-status.ts';
import { awsDependencies, withMetrics } from './aws-dependencies.ts';
import { awsChannelProviders } from './channel-providers.ts';

const deps = awsDependencies(process.env);
const apply = createDeliveryStatus({
  claims: deps.notifications,
  // Fallback sends after a late bounce go out the same way as the workflow's.
  sender: new JournalSender(
    undefined,
    deps.clock.now,
    providerDispatch(awsChannelProviders(process.env)),
  ),
  bookings: deps.bookings,
  publisher: deps.publisher,
  clock: deps.clock,
  metrics: deps.recorder,
  log: deps.log,
});
const PUSH_TOPIC = process.env.PUSH_FAILURE_TOPIC_ARN ?? '';

export const handler = withMetrics(
  deps.metrics,
  async (event: EventBridgeEvent<string, unknown> | SNSEvent): Promise<void> => {
    if ('Records' in event) {
      for (const record of event.Records) {
        const message: unknown = JSON.parse(record.Sns.Message);
        const source = record.Sns.TopicArn === PUSH_TOPIC ? 'push' : 'sms';
        await apply({ source, record: message });
      }
      return;
    }
    await apply({ source: 'ses', detail: event.detail });
  },
);
