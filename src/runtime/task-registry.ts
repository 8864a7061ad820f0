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
import type {
  Clock,
  EventPublisher,
  Log,
  Messenger,
  MetricsRecorder,
  NotificationSender,
} from '../ports.ts';
import type { RuntimeRebooking } from './runtime-rebooking.ts';
import type { RuntimeStore } from './runtime-store.ts';

export interface TaskRegistryDeps {
  store: RuntimeStore;
  bus: EventPublisher;
  messenger: Messenger;
  sender: NotificationSender;
  clock: Clock;
  metrics: MetricsRecorder;
  log: Log;
  rights: RightsSettings;
  batchSize?: number;
  perPassengerMessages?: boolean;
  rebooking: RuntimeRebooking;
}

/** The workflows' Lambda tasks by function name, as the ASL executor resolves them. */
export function taskRegistry(deps: TaskRegistryDeps): Map<string, LocalFunction> {
  const { store, bus, messenger, clock, metrics, log } = deps;
  return new Map<string, LocalFunction>([
    [
      TASK_FUNCTIONS['get-affected-bookings'].functionName,
      createGetAffectedBookings({
        flights: store.flights,
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
        claims: store.notifications,
        sender: deps.sender,
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
        publisher: bus,
        clock,
        metrics,
      }),
    ],
  ]);
}
