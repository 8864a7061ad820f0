// Lambda entry: the scheduled claim-notice job (EventBridge Scheduler, every five minutes).
import { createSendClaimNotices } from '../handlers/send-claim-notices.ts';
import { awsDependencies } from './aws-dependencies.ts';

const run = createSendClaimNotices(awsDependencies(process.env));
export const handler = async () => run();
