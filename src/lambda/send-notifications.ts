// Lambda entry: workflow task SendNotifications.
import { createSendNotifications } from '../handlers/send-notifications.ts';
import { awsDependencies, withMetrics } from './aws-dependencies.ts';

const { publisher, clock, recorder, metrics } = awsDependencies(process.env);
export const handler = withMetrics(
  metrics,
  createSendNotifications({ publisher, clock, metrics: recorder }),
);
