import { Duration, type Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import type { FunctionFactory } from './function-factory.ts';

/** The functions run on a schedule: EU261 claim notices and the re-drive of unfinished runs. */
export function scheduledJobs(stack: Stack, functions: FunctionFactory) {
  const sendClaimNotices = functions.make(
    'SendClaimNotices',
    'send-claim-notices',
    'Scheduled: EU261 revision claim notices by e-mail within 48 h',
    {
      // PutItem and UpdateItem: the notice is claimed and marked like every notification.
      table: { actions: ['Query', 'GetItem', 'PutItem', 'UpdateItem'], indexes: true },
      publishes: true,
      environment: functions.rightsEnv,
    },
  );
  // A schedule rule invokes through the function's resource policy: no role, no wildcard.
  new events.Rule(stack, 'ClaimNoticeSchedule', {
    description: 'Sends due passenger claim notices (EU261 revision: within 48 h of arrival)',
    schedule: events.Schedule.rate(Duration.minutes(5)),
    targets: [new eventTargets.LambdaFunction(sendClaimNotices, { retryAttempts: 2 })],
  });
  // Accepted events whose workflow did not finish (a crash, a dead-lettered batch) run again:
  // the workflows are idempotent in every step and delete their pending run when they end.
  const redriveRuns = functions.make(
    'RedriveRuns',
    'redrive-runs',
    'Scheduled: re-drives pending workflow runs older than the state machine timeout',
    { table: { actions: ['Query', 'UpdateItem'], indexes: false }, publishes: true },
  );
  new events.Rule(stack, 'RedriveSchedule', {
    description: 'Re-drives workflow runs that were accepted but never finished',
    schedule: events.Schedule.rate(Duration.minutes(10)),
    targets: [new eventTargets.LambdaFunction(redriveRuns, { retryAttempts: 2 })],
  });
  return { sendClaimNotices, redriveRuns };
}
