// The local runtime's HTTP side: the API every deployment has, plus the routes only
// `flightpulse start` serves (sign-in, offers, weather decisions, the inboxes).
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Hono } from 'hono';
import type { LocalIdentity } from '../adapters/identity/local-identity.ts';
import type { InMemoryMetrics } from '../adapters/local/cloudwatch/in-memory-metrics.ts';
import { LogFileScrubber } from '../adapters/local/cloudwatch/log-file-scrubber.ts';
import { createApiApp } from '../api/app.ts';
import { consoleRoutes } from '../api/console-routes.ts';
import { consoleViewRoutes } from '../api/console-view-routes.ts';
import { deviceRoutes } from '../api/device-routes.ts';
import { inboxRoutes } from '../api/inbox-routes.ts';
import { offerRoutes } from '../api/offer-routes.ts';
import { signInRoutes } from '../api/sign-in-routes.ts';
import { type WeatherRouteDeps, weatherRoutes } from '../api/weather-routes.ts';
import { airports } from '../domain/airports/airport-reference.ts';
import { PASSENGER_LINK_USER } from '../handlers/passenger-sign-in.ts';
import type { Clock, FeedProducer, Messenger } from '../ports.ts';
import type { ActivityHub } from './activity-hub.ts';
import type { Config } from './config.ts';
import { dashboardMetrics } from './dashboard-metrics.ts';
import type { LocalChannels } from './local-channels.ts';
import type { RuntimeRebooking } from './runtime-rebooking.ts';
import { apiStores, type RuntimeStore } from './runtime-store.ts';
import type { StageTimings } from './stage-timings.ts';
import type { StoreLanes } from './store-lanes.ts';
import type { WorkflowTally } from './workflow-tally.ts';

/** The routes only `flightpulse start` has: sign-in, offers, weather decisions, the inboxes. */
export function mountLocalRoutes(
  app: Hono,
  deps: {
    config: Config;
    identity: LocalIdentity;
    store: RuntimeStore;
    rebooking: RuntimeRebooking;
    weather: { routes: WeatherRouteDeps };
    channels: LocalChannels;
    clock: Clock;
  },
): void {
  const { config, identity, store } = deps;
  app.route(
    '/',
    signInRoutes({
      issuer: identity.issuer,
      bookings: store.bookings,
      hosted: hostedSignIn(config),
      passengerSignIn: config.COGNITO_PASSENGER_CLIENT_ID
        ? {
            region: config.AWS_REGION,
            clientId: config.COGNITO_PASSENGER_CLIENT_ID,
            username: PASSENGER_LINK_USER,
          }
        : undefined,
    }),
  );
  app.route('/', offerRoutes({ ...store, answers: deps.rebooking.answers }));
  app.route('/', weatherRoutes(deps.weather.routes));
  app.route('/', inboxRoutes(deps.channels.inboxes));
  app.route(
    '/',
    deviceRoutes({ ...store, endpoints: deps.channels.pushEndpoints, clock: deps.clock }),
  );
}

/** Cognito's hosted sign-in for the console, when the configuration names a user pool client. */
export function hostedSignIn(config: Config) {
  const { COGNITO_DOMAIN: domain, COGNITO_CLIENT_ID: clientId } = config;
  if (!domain || !clientId) return undefined;
  return {
    domain,
    clientId,
    redirectUri: config.CONSOLE_REDIRECT_URI ?? `http://127.0.0.1:${config.PORT}/`,
  };
}

export interface RuntimeParts {
  store: RuntimeStore;
  stages: StageTimings;
  hub: ActivityHub;
  metrics: InMemoryMetrics;
  /** Counts of workflow runs, for the dashboard. */
  runs: WorkflowTally;
  messenger: Messenger;
}

/** The REST API and the console; requests people wait on go before a wave's bulk writes. */
export function apiApp(
  parts: RuntimeParts,
  feed: FeedProducer,
  identity: LocalIdentity,
  { lanes, ...deps }: ApiDeps & { lanes: StoreLanes },
): Hono {
  const app = apiRoutes(parts, feed, identity, deps);
  const fetch = app.fetch;
  app.fetch = (request, env, context) => lanes.priority(async () => fetch(request, env, context));
  return app;
}

export interface ApiDeps {
  clock: Clock;
  log: Logger;
  watchWeather: (at?: string) => Promise<unknown>;
  logsDir: string;
}

/** The REST API and the console over the runtime's stores. */
export function apiRoutes(
  parts: RuntimeParts,
  feed: FeedProducer,
  identity: LocalIdentity,
  { clock, log, watchWeather, logsDir }: ApiDeps,
): Hono {
  const { store, hub, metrics, runs } = parts;
  const app = createApiApp({
    verifier: identity.verifier,
    jwks: () => identity.issuer.jwks(),
    ...apiStores(store),
    logScrubber: new LogFileScrubber(logsDir),
    onErased: (passengerId) => hub.forget(passengerId),
    clock,
    log,
    feed,
  });
  app.route(
    '/',
    consoleRoutes({
      hub,
      feed,
      flights: store.flights,
      metrics: () => dashboardMetrics(metrics, runs),
      actions: {
        request: async (path, init) => app.request(path, init),
        watchWeather,
      },
    }),
  );
  app.route(
    '/',
    consoleViewRoutes({
      flights: store.flights,
      bookings: store.bookings,
      notifications: store.notifications,
      airports,
      offers: store.offers,
    }),
  );
  return app;
}
