// Lambda entry: EventBridge notification.* → idempotent notification record.
import { createRecordNotification } from '../handlers/record-notification.ts';
import { awsDependencies, withMetrics } from './aws-dependencies.ts';

const { notifications, clock, recorder, log, metrics } = awsDependencies(process.env);
export const handler = withMetrics(
  metrics,
  createRecordNotification({ notifications, clock, metrics: recorder, log }),
);
