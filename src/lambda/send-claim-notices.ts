// Lambda entry: the scheduled claim-notice job (EventBridge Scheduler, every five minutes).
import { createSendClaimNotices } from '../handlers/send-claim-notices.ts';
import { awsDependencies } from './aws-dependencies.ts';
import { awsTellPassengers } from './tell-passengers.ts';

const run = createSendClaimNotices({
  ...awsDependencies(process.env),
  tell: awsTellPassengers(process.env),
});
export const handler = async () => run();
