// Lambda entry: workflow task SendNotifications.
import { createSendNotifications } from '../handlers/send-notifications.ts';
import { awsDependencies } from './aws-dependencies.ts';

export const handler = createSendNotifications(awsDependencies(process.env));
