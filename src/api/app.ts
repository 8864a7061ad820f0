import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { InvalidCursorError } from '../pagination/cursor.ts';
import type { PreferenceStore } from '../ports/preference-store.ts';
import type {
  BookingStore,
  Clock,
  EntitlementStore,
  EventLog,
  ExecutionLog,
  FeedProducer,
  FlightStore,
  Log,
  LogScrubber,
  NotificationLog,
  PassengerErasure,
  RunLedger,
  TokenVerifier,
} from '../ports.ts';
import { bookingRoutes } from './booking-routes.ts';
import { feedRoutes } from './feed-routes.ts';
import { flightRoutes } from './flight-routes.ts';
import { openApiDocument } from './openapi.ts';
import { opsRoutes } from './ops-routes.ts';
import { passengerDataRoutes } from './passenger-data-routes.ts';
import { preferenceRoutes } from './preference-routes.ts';
import { rightsRoutes } from './rights-routes.ts';
import { declaredAccess, denyUndeclaredRoutes, publicRoute } from './route-access.ts';

export interface ApiDeps {
  flights: FlightStore;
  bookings: BookingStore;
  events: EventLog;
  notifications: NotificationLog;
  executions: ExecutionLog;
  /** Workflow runs accepted but not finished (re-driven on start and by the scheduled re-drive). */
  runs: Pick<RunLedger, 'pending'>;
  entitlements: EntitlementStore;
  clock: Clock;
  log: Log;
  /** The embedded Kafka feed; absent behind API Gateway, where Kafka is the producer's concern. */
  feed?: FeedProducer;
  /** GDPR erasure where the store keeps personal data. */
  erasure: PassengerErasure;
  /** A passenger's channels and consents, with their history. */
  preferences: PreferenceStore;
  /** Log files the system writes itself (locally), scrubbed on erasure. */
  logScrubber?: LogScrubber;
  /** Called after an erasure so in-memory views forget the passenger. */
  onErased?: (passengerId: string) => unknown;
  /** Verifies bearer tokens: every route but the public ones needs one. */
  verifier: TokenVerifier;
  /** The public keys of tokens this deployment signs (local issuer, passenger links). */
  jwks?: () => Promise<{ keys: Array<Record<string, unknown>> }>;
}

/** The FlightPulse REST API: one Hono app served by Node locally and by Lambda behind API Gateway. */
export function createApiApp(deps: ApiDeps): Hono {
  const app = new Hono();
  // First: every route the app will ever have is denied unless it declares who it admits.
  app.use(denyUndeclaredRoutes(deps.verifier));
  app.get('/health', publicRoute(), (c) =>
    c.json({ status: 'healthy', timestamp: deps.clock.now(), service: 'flightpulse-api' }),
  );
  app.get('/openapi.json', publicRoute(), (c) =>
    c.json(openApiDocument('/', (method, path) => declaredAccess(app, method, path))),
  );
  const { jwks } = deps;
  if (jwks) app.get('/.well-known/jwks.json', publicRoute(), async (c) => c.json(await jwks()));
  app.route('/', flightRoutes(deps));
  app.route('/', bookingRoutes(deps));
  app.route('/', opsRoutes(deps));
  app.route(
    '/',
    passengerDataRoutes({
      ...deps,
      ...(deps.logScrubber ? { logs: deps.logScrubber } : {}),
    }),
  );
  app.route('/', preferenceRoutes(deps));
  app.route('/', rightsRoutes(deps));
  if (deps.feed) app.route('/', feedRoutes(deps.feed));
  app.notFound((c) => c.json({ error: 'Not found', path: c.req.path }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof InvalidCursorError)
      return c.json({ error: 'Invalid cursor', parameter: 'cursor' }, 400);
    deps.log.error('unhandled API error', { path: c.req.path, error: String(error) });
    return c.json({ error: 'Internal error' }, 500);
  });
  return app;
}
