import type { LocalBus } from '../adapters/local/eventbridge/local-bus.ts';
import { repeatEvery } from '../adapters/local/periodic.ts';
import type { WorkTracker } from '../adapters/local/work-tracker.ts';
import { createRedriveRuns, type RedriveResult } from '../handlers/redrive-runs.ts';
import type { Clock, Log, MetricsRecorder, RunLedger } from '../ports.ts';
import type { Config } from './config.ts';

/**
 * The re-drive as it runs on a laptop: the same handler the AWS schedule invokes, on start and
 * every REDRIVE_INTERVAL_SECONDS, with no minimum age — a run this process has under way (the bus
 * delivery knows them) is left alone, so only runs that crashed or ended failed (a dead-lettered
 * batch) start again.
 */
export function pendingRunRedrive(
  deps: {
    underWay: (eventId: string) => boolean;
    runs: RunLedger;
    bus: LocalBus;
    tracker: WorkTracker;
    clock: Clock;
    log: Log;
    metrics: MetricsRecorder;
  },
  config: Pick<Config, 'REDRIVE_INTERVAL_SECONDS'>,
): { now(): Promise<RedriveResult>; stop(): void } {
  const now = createRedriveRuns({ ...deps, publisher: deps.bus, minAgeMinutes: 0 });
  const stop = repeatEvery(
    config.REDRIVE_INTERVAL_SECONDS * 1000,
    async () =>
      deps.tracker.track(
        now().catch((error: unknown) => {
          deps.log.error('re-drive of pending runs failed', { error: String(error) });
        }),
      ),
    () => undefined,
  );
  return { now, stop };
}
