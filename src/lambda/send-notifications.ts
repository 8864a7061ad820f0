// Lambda entry: workflow task SendNotifications.
import { LogSender } from '../adapters/delivery/log-sender.ts';
import { createSendNotifications } from '../handlers/send-notifications.ts';
import { awsDependencies, withMetrics } from './aws-dependencies.ts';

const { publisher, notifications, clock, recorder, log, metrics } = awsDependencies(process.env);
export const handler = withMetrics(
  metrics,
  createSendNotifications({
    publisher,
    claims: notifications,
    sender: new LogSender(log),
    clock,
    metrics: recorder,
  }),
);
