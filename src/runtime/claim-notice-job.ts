import { repeatEvery } from '../adapters/local/periodic.ts';
import type { WorkTracker } from '../adapters/local/work-tracker.ts';
import type { RightsSettings } from '../domain/rights/rights-settings.ts';
import { type ClaimNoticeRun, createSendClaimNotices } from '../handlers/send-claim-notices.ts';
import type { TellPassengers } from '../handlers/tell-passengers.ts';
import type { Clock, Log } from '../ports.ts';
import type { RuntimeStore } from './runtime-store.ts';

/** The claim-notice job's period locally: well inside the 48 hours a notice is due in. */
export const CLAIM_NOTICE_INTERVAL_MS = 5 * 60_000;

/**
 * The scheduled claim-notice job as it runs on a laptop: the same handler EventBridge invokes in
 * AWS, on a timer; `run` runs it at once (tests, the demo).
 */
export function claimNoticeJob(deps: {
  store: RuntimeStore;
  tell: TellPassengers;
  clock: Clock;
  rights: RightsSettings;
  log: Log;
  tracker: WorkTracker;
  intervalMs?: number;
}): { run(): Promise<ClaimNoticeRun>; stop(): void } {
  const run = createSendClaimNotices({
    entitlements: deps.store.entitlements,
    bookings: deps.store.bookings,
    tell: deps.tell,
    clock: deps.clock,
    rights: deps.rights,
    log: deps.log,
  });
  const stop = repeatEvery(
    deps.intervalMs ?? CLAIM_NOTICE_INTERVAL_MS,
    async () => deps.tracker.track(run()),
    () => undefined,
  );
  return { run, stop };
}
