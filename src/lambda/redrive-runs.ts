// Lambda entry: the scheduled re-drive of pending workflow runs (EventBridge schedule).
import { createRedriveRuns } from '../handlers/redrive-runs.ts';
import { awsDependencies } from './aws-dependencies.ts';

const deps = awsDependencies(process.env);
const run = createRedriveRuns({
  ...deps,
  metrics: deps.recorder,
  // Longer than the state machines' one-hour timeout: a run this old is not running any more.
  minAgeMinutes: Number(process.env.REDRIVE_AFTER_MINUTES ?? 70),
});
export const handler = async () => run();
