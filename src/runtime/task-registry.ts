import type { LocalFunction } from '../adapters/local/step-functions/task-resources.ts';
import type { RightsSettings } from '../domain/rights/rights-settings.ts';
import { BOOKING_BATCH_SIZE, TASK_FUNCTIONS } from '../domain/workflows/task-functions.ts';
import { createApplyOfferExpiry } from '../handlers/apply-offer-expiry.ts';
import { createComputeEntitlements } from '../handlers/compute-entitlements.ts';
import { createComposeSegments } from '../handlers/generate-messages.ts';
import { createGetAffectedBookings } from '../handlers/get-affected-bookings.ts';
import { createGetPassengerDetails } from '../handlers/get-passenger-details.ts';
import { createMarkBookingsForRebooking } from '../handlers/mark-bookings-for-rebooking.ts';
import { createNotifyOfferOutcome } from '../handlers/notify-offer-outcome.ts';
import { createPlanRebookingOffers } from '../handlers/plan-rebooking-offers.ts';
import { createSendNotifications } from '../handlers/send-notifications.ts';
import type { TellPassengers } from '../handlers/tell-passengers.ts';
import type {
  Clock,
  EventPublisher,
  Log,
  Messenger,
  MetricsRecorder,
  NotificationClaims,
  NotificationSender,
  ObjectStore,
} from '../ports.ts';
import type { RuntimeRebooking } from './runtime-rebooking.ts';
import type { RuntimeStore } from './runtime-store.ts';
import type { Stage, StageTimings } from './stage-timings.ts';

export interface TaskRegistryDeps {
  store: RuntimeStore;
  bus: EventPublisher;
  messenger: Messenger;
  sender: NotificationSender;
  /** Sends and announces the messages tasks write themselves (offer outcomes). */
  tell: TellPassengers;
  clock: Clock;
  metrics: MetricsRecorder;
  log: Log;
  rights: RightsSettings;
  batchSize?: number;
  /** Where GetAffectedBookings writes each run's manifest (the local S3). */
  objects: ObjectStore;
  perPassengerMessages?: boolean;
  rebooking: RuntimeRebooking;
  /** Where each task's time is added up (the benchmark's profile). */
  stages: StageTimings;
}

/** The local stand-in for the stack's workflow manifest bucket. */
export const LOCAL_MANIFEST_BUCKET = 'flightpulse-workflow-manifests';

/** The stage each workflow task's time counts under. */
const TASK_STAGES: Partial<Record<keyof typeof TASK_FUNCTIONS, Stage>> = {
  'get-affected-bookings': 'query_bookings',
  'get-passenger-details': 'fetch_passengers',
  'compute-entitlements': 'entitlements',
  'generate-messages': 'compose',
  'mark-bookings-for-rebooking': 'booking_update',
  'plan-rebooking-offers': 'rebooking_options',
};

/** The workflows' Lambda tasks by function name, as the ASL executor resolves them. */
export function taskRegistry(deps: TaskRegistryDeps): Map<string, LocalFunction> {
  const functions = taskFunctions(deps);
  for (const [id, stage] of Object.entries(TASK_STAGES)) {
    const name = TASK_FUNCTIONS[id as keyof typeof TASK_FUNCTIONS].functionName;
    const fn = functions.get(name);
    if (fn && stage) functions.set(name, deps.stages.wrap(stage, fn));
  }
  return functions;
}

function taskFunctions(deps: TaskRegistryDeps): Map<string, LocalFunction> {
  const { store, bus, messenger, clock, metrics, log } = deps;
  return new Map<string, LocalFunction>([
    [
      TASK_FUNCTIONS['get-affected-bookings'].functionName,
      createGetAffectedBookings({
        ...{ flights: store.flights, objects: deps.objects, bucket: LOCAL_MANIFEST_BUCKET },
        batchSize: deps.batchSize ?? BOOKING_BATCH_SIZE,
      }),
    ],
    [
      TASK_FUNCTIONS['get-passenger-details'].functionName,
      createGetPassengerDetails({ bookings: store.bookings }),
    ],
    [
      TASK_FUNCTIONS['compute-entitlements'].functionName,
      createComputeEntitlements({
        bookings: store.bookings,
        entitlements: store.entitlements,
        offers: store.offers,
        flights: store.flights,
        rights: deps.rights,
        log,
      }),
    ],
    [
      TASK_FUNCTIONS['generate-messages'].functionName,
      createComposeSegments({
        messenger,
        metrics,
        log,
        cacheSegments: !deps.perPassengerMessages,
        bookings: store.bookings,
      }),
    ],
    [
      TASK_FUNCTIONS['send-notifications'].functionName,
      createSendNotifications({
        publisher: bus,
        claims: timedClaims(store.notifications, deps.stages),
        sender: timedSender(deps.sender, deps.stages),
        bookings: store.bookings,
        clock,
        metrics,
        log,
        rights: deps.rights,
        offerLinks: { offers: store.offers, links: deps.rebooking.links },
      }),
    ],
    [
      TASK_FUNCTIONS['mark-bookings-for-rebooking'].functionName,
      createMarkBookingsForRebooking({ bookings: store.bookings, clock }),
    ],
    [
      TASK_FUNCTIONS['plan-rebooking-offers'].functionName,
      createPlanRebookingOffers({
        flights: store.flights,
        bookings: store.bookings,
        inventory: store.inventory,
        offers: store.offers,
        rebooking: store.rebooking,
        scheduler: deps.rebooking.scheduler,
        clock,
        log,
        metrics,
        expiryMinutes: deps.rebooking.expiryMinutes,
      }),
    ],
    [
      TASK_FUNCTIONS['apply-offer-expiry'].functionName,
      createApplyOfferExpiry({ answers: deps.rebooking.answers }),
    ],
    [
      TASK_FUNCTIONS['notify-offer-outcome'].functionName,
      createNotifyOfferOutcome({
        offers: store.offers,
        bookings: store.bookings,
        flights: store.flights,
        links: deps.rebooking.links,
        entitlements: store.entitlements,
        rights: deps.rights,
        tell: deps.tell,
        clock,
        metrics,
      }),
    ],
  ]);
}

/** The claims, their time counted under `record`. */
export function timedClaims(claims: NotificationClaims, stages: StageTimings): NotificationClaims {
  return {
    claimAll: stages.wrap('record', claims.claimAll.bind(claims)),
    markSent: stages.wrap('record', claims.markSent.bind(claims)),
    markUndeliverable: stages.wrap('record', claims.markUndeliverable.bind(claims)),
    applyReceipt: claims.applyReceipt.bind(claims),
  };
}

/** The providers' way out, its time counted under `send`. */
export function timedSender(sender: NotificationSender, stages: StageTimings): NotificationSender {
  return { send: stages.wrap('send', (batch, onResult) => sender.send(batch, onResult)) };
}
