import { z } from 'zod';
import { NotificationRecordSchema } from '../domain/delivery/notification-record.ts';
import { EventLogEntrySchema } from '../domain/disruptions/event-log-entry.ts';
import {
  PreferenceChangeSchema,
  PreferenceRequestSchema,
  PreferencesSchema,
} from '../domain/identity/preferences.ts';
import type { Access } from '../domain/identity/roles.ts';
import { BookingIdSchema, BookingSchema, BookingStatusSchema } from '../domain/records/booking.ts';
import { FlightIdSchema, FlightSchema, FlightStatusSchema } from '../domain/records/flight.ts';
import { PassengerIdSchema, PassengerSchema } from '../domain/records/passenger.ts';
import { EntitlementSchema } from '../domain/rights/entitlement.ts';
import { REGIMES } from '../domain/rights/rule-sets.ts';
import { WaiverIssuedDetailSchema } from '../domain/weather/weather-events.ts';
import {
  DECLARATION_EXAMPLES,
  DeclarationRequestSchema,
  DeclarationSchema,
  WAIVER_EXAMPLES,
  WATCH_EXAMPLES,
  WaiverRequestSchema,
  WatchRequestSchema,
  WatchResultSchema,
  WeatherFlightsSchema,
} from '../domain/weather/weather-requests.ts';
import { ExecutionSummarySchema } from '../domain/workflows/execution.ts';
import {
  DEVICE_EXAMPLES,
  DeviceRegisteredSchema,
  DeviceRegistrationSchema,
} from './device-routes.ts';
import { OFFER_OPERATIONS } from './offer-operations.ts';
import { ErrorSchema, type Operation, PageQuery, page } from './openapi-parts.ts';

export type { Operation } from './openapi-parts.ts';

import { FEED_EXAMPLES, FeedBodySchema } from './feed-body.ts';

const ErasureReceiptSchema = z.object({
  passenger_id: z.string(),
  erased_at: z.string(),
  requested_by: z.string(),
  bookings_pseudonymised: z.number().int(),
  notifications_erased: z.number().int(),
  preference_changes_erased: z.number().int(),
  log_lines_erased: z.number().int(),
});

const LiabilitySchema = z.object({
  flight_id: z.string(),
  bookings: z.number().int(),
  exposure: z.array(
    z.object({
      regime: z.enum(REGIMES),
      currency: z.string(),
      amount: z.number(),
      bookings: z.number().int(),
    }),
  ),
  refunds: z.array(z.object({ regime: z.enum(REGIMES), bookings: z.number().int() })),
  review: z.number().int(),
});

/** Every route with the schemas its handler validates with; the document is generated from these. */
export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/bookings/{bookingId}/entitlements',
    summary:
      'What a booking is owed (EU261, UK261, APPR, US DOT) for its flights’ latest disruptions',
    params: { bookingId: BookingIdSchema },
    ok: {
      status: 200,
      schema: z.object({
        booking_id: z.string(),
        entitlements: z.array(EntitlementSchema),
        total: z.number().int().describe('every entitlement of the booking'),
      }),
    },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/flights/{flightId}/liability',
    summary: 'Compensation exposure of a disrupted flight, by regime and currency',
    params: { flightId: FlightIdSchema },
    ok: { status: 200, schema: LiabilitySchema },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/health',
    summary: 'Health check',
    ok: {
      status: 200,
      schema: z.object({
        status: z.literal('healthy'),
        timestamp: z.string(),
        service: z.string(),
      }),
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/flights',
    summary: 'Flights, by status (GSI1) or all',
    query: { status: FlightStatusSchema.optional(), ...PageQuery },
    ok: { status: 200, schema: page('flights', FlightSchema) },
    errors: [400],
  },
  {
    method: 'get',
    path: '/flights/{flightId}',
    summary: 'A flight',
    params: { flightId: FlightIdSchema },
    ok: { status: 200, schema: FlightSchema },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/flights/{flightId}/bookings',
    summary: 'Bookings of a flight',
    params: { flightId: FlightIdSchema },
    query: PageQuery,
    ok: {
      status: 200,
      schema: page('bookings', z.object({ booking_id: z.string(), passenger_id: z.string() })),
    },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/passengers/{passengerId}',
    summary: 'A passenger, without email and phone',
    params: { passengerId: PassengerIdSchema },
    ok: { status: 200, schema: PassengerSchema.omit({ email: true, phone: true }) },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/passengers/{passengerId}/bookings',
    summary: 'Bookings of a passenger',
    params: { passengerId: PassengerIdSchema },
    query: PageQuery,
    ok: {
      status: 200,
      schema: page('bookings', z.object({ booking_id: z.string(), flight_id: z.string() })),
    },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/passengers/{passengerId}/export',
    summary: 'Everything held about a passenger, as JSON (GDPR Art. 20)',
    params: { passengerId: PassengerIdSchema },
    ok: {
      status: 200,
      schema: z.object({
        passenger_id: z.string(),
        exported_at: z.string(),
        passenger: PassengerSchema.nullable(),
        erasure: ErasureReceiptSchema.nullable(),
        bookings: z.array(BookingSchema),
        notifications: z.array(NotificationRecordSchema),
        entitlements: z.array(z.unknown()),
        preference_history: z.array(PreferenceChangeSchema),
      }),
    },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/passengers/{passengerId}/preferences',
    summary: "A passenger's channels and consents, with every recorded change (who, when, what)",
    params: { passengerId: PassengerIdSchema },
    ok: {
      status: 200,
      schema: z.object({
        passenger_id: z.string(),
        preferences: PreferencesSchema,
        version: z.number().int(),
        history: z.array(PreferenceChangeSchema),
      }),
    },
    errors: [400, 404],
  },
  {
    method: 'put',
    path: '/passengers/{passengerId}/preferences',
    summary:
      'Change channels (email, sms, push) or the consent to model-written messages (personalisation); the change is recorded',
    params: { passengerId: PassengerIdSchema },
    body: PreferenceRequestSchema,
    examples: {
      noSms: { summary: 'No text messages', value: { sms: false } },
      templatesOnly: {
        summary: 'Withdraw consent to model-written messages',
        value: { personalisation: false },
      },
    },
    ok: {
      status: 200,
      schema: z.object({
        passenger_id: z.string(),
        preferences: PreferencesSchema,
        version: z.number().int(),
        change: PreferenceChangeSchema.nullable().describe('null when nothing differed'),
      }),
    },
    errors: [400, 404, 409],
  },
  {
    method: 'post',
    path: '/passengers/{passengerId}/devices',
    summary:
      "Register the passenger's app for push (APNs or FCM token); the short message of every disruption then goes to the newest device",
    params: { passengerId: PassengerIdSchema },
    body: DeviceRegistrationSchema,
    examples: DEVICE_EXAMPLES,
    ok: { status: 201, schema: DeviceRegisteredSchema },
    errors: [400, 404, 409],
  },
  {
    method: 'delete',
    path: '/passengers/{passengerId}',
    summary: "Erase a passenger's personal data everywhere (GDPR Art. 17); the audit stays",
    params: { passengerId: PassengerIdSchema },
    ok: { status: 200, schema: ErasureReceiptSchema },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/bookings/{bookingId}',
    summary: 'A booking',
    params: { bookingId: BookingIdSchema },
    ok: { status: 200, schema: BookingSchema },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/bookings',
    summary: 'Bookings by status (GSI2)',
    query: { status: BookingStatusSchema, ...PageQuery },
    ok: { status: 200, schema: page('bookings', BookingSchema) },
    errors: [400],
  },
  {
    method: 'get',
    path: '/events',
    summary: 'Ingested records and their outcome',
    query: { flight_id: FlightIdSchema.optional(), ...PageQuery },
    ok: {
      status: 200,
      schema: page(
        'events',
        EventLogEntrySchema.extend({
          raw: z.string().optional().describe('a rejected record as it arrived (may be truncated)'),
          raw_bytes: z.number().int().optional().describe("the rejected record's size in bytes"),
        }),
      ),
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/notifications',
    summary: 'Notifications sent, by flight and/or booking',
    query: {
      flight_id: FlightIdSchema.optional(),
      booking_id: BookingIdSchema.optional(),
      ...PageQuery,
    },
    ok: { status: 200, schema: page('notifications', NotificationRecordSchema) },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/executions',
    summary: 'Workflow runs of a flight, with their steps',
    query: { flight_id: FlightIdSchema, ...PageQuery },
    ok: { status: 200, schema: page('executions', ExecutionSummarySchema) },
    errors: [400],
  },
  {
    method: 'get',
    path: '/runs/pending',
    summary: 'Workflow runs accepted but not finished (the first 100 listed)',
    ok: {
      status: 200,
      schema: z.object({
        pending: z.number().int(),
        runs: z.array(
          z.object({ event_id: z.string(), detail_type: z.string(), recorded_at: z.string() }),
        ),
      }),
    },
    errors: [],
  },
  {
    method: 'post',
    path: '/feed/flight-operations',
    embeddedOnly: true,
    summary: 'Produce to the flight-operations feed (one event, an array, or {records})',
    body: FeedBodySchema,
    examples: FEED_EXAMPLES,
    ok: {
      status: 202,
      schema: z.object({
        topic: z.string(),
        offsets: z.array(z.object({ partition: z.number(), offset: z.string() })),
      }),
    },
    errors: [400, 413],
  },
  {
    method: 'get',
    path: '/weather/flights',
    summary: 'Flights the weather watch assessed, highest risk first, with reports and reasons',
    ok: { status: 200, schema: WeatherFlightsSchema },
    errors: [],
  },
  {
    method: 'post',
    path: '/weather/watch',
    summary: 'Run the weather watch now, or as of a time',
    body: WatchRequestSchema,
    examples: WATCH_EXAMPLES,
    ok: { status: 200, schema: WatchResultSchema },
    errors: [400],
  },
  {
    method: 'post',
    path: '/flights/{flightId}/weather/waiver',
    summary: 'Issue a travel waiver: flight.waiver_issued, no-fee rebooking offers',
    params: { flightId: FlightIdSchema },
    body: WaiverRequestSchema,
    examples: WAIVER_EXAMPLES,
    ok: { status: 201, schema: WaiverIssuedDetailSchema },
    errors: [400, 404, 409],
  },
  {
    method: 'post',
    path: '/flights/{flightId}/weather/declaration',
    summary: 'Declare a WEATHER delay (until the forecast improves) or cancellation into the feed',
    params: { flightId: FlightIdSchema },
    body: DeclarationRequestSchema,
    examples: DECLARATION_EXAMPLES,
    ok: { status: 202, schema: DeclarationSchema },
    errors: [400, 404, 409],
  },
  ...OFFER_OPERATIONS,
];

const ERROR_DESCRIPTIONS: Record<number, string> = {
  401: 'No valid bearer token',
  403: "The role does not allow this (or not the passenger's own booking)",
  404: 'Not found',
  409: 'Conflict with the record’s state',
  410: 'Gone: expired',
};

/** An operation's security: none for public ones; a bearer token and the admitted roles otherwise. */
function securityOf(access: Access | undefined): Record<string, unknown> {
  if (access && 'public' in access) return { security: [] };
  // Not served by this app (the local runtime adds it and declares its roles there).
  if (!access) return { security: [{ bearerAuth: [] }] };
  const roles = access && 'roles' in access ? [...access.roles] : [];
  return {
    security: [{ bearerAuth: [] }],
    'x-roles': roles,
    description: `Roles: ${roles.join(', ') || 'none (denied)'}.${roles.includes('passenger') ? ' A passenger only for their own booking.' : ''}`,
  };
}

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' });

/** An operation's path, query and header parameters. */
function parametersOf(op: Operation): Array<Record<string, unknown>> {
  const optional = (s: z.ZodType) => s.safeParse(undefined).success;
  return [
    ...Object.entries(op.params ?? {}).map(([name, s]) => ({
      name,
      in: 'path',
      required: true,
      schema: schema(s),
    })),
    ...Object.entries(op.query ?? {}).map(([name, s]) => ({
      name,
      in: 'query',
      required: !optional(s),
      schema: schema(s),
    })),
    ...Object.entries(op.headers ?? {}).map(([name, s]) => ({
      name,
      in: 'header',
      required: !optional(s),
      schema: schema(s),
    })),
  ];
}

/** An operation's answers: success (and its other successes), then each error; 401/403 unless public. */
function responsesOf(op: Operation, open: boolean): Record<string, unknown> {
  const json = (s: z.ZodType) => ({ 'application/json': { schema: schema(s) } });
  const responses: Record<string, unknown> = {
    [op.ok.status]: { description: 'OK', content: json(op.ok.schema) },
  };
  for (const more of op.also ?? [])
    responses[more.status] = { description: more.description, content: json(more.schema) };
  for (const status of open ? op.errors : [...op.errors, 401, 403]) {
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Invalid request',
      content: json(op.errorSchemas?.[status] ?? ErrorSchema),
    };
  }
  return responses;
}

/**
 * The OpenAPI 3.1 document of the REST API. `accessOf` gives each operation's declared access
 * (from the app's route guards), so the document's security requirements are the enforced ones.
 */
export function openApiDocument(
  serverUrl = '/',
  accessOf: (method: string, path: string) => Access | undefined = () => undefined,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters = parametersOf(op);
    const access = accessOf(op.method, op.path);
    const open = access !== undefined && 'public' in access;
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        ...securityOf(access),
        operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/\/(\w)/g, (_m, c: string) => c.toUpperCase())}`,
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: {
                  'application/json': {
                    schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }),
                    ...(op.examples ? { examples: op.examples } : {}),
                  },
                },
              },
            }
          : {}),
        responses: responsesOf(op, open),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'FlightPulse API',
      version: '0.1.0',
      description:
        'Flights, bookings, passengers, ingested events, notifications and workflow runs.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A JWT from the Cognito user pool (groups are roles) or, locally, from the built-in issuer (flightpulse token; keys at /.well-known/jwks.json). Passenger links carry a passenger token bound to one booking.',
        },
      },
    },
    security: [{ bearerAuth: [] }],
    paths,
  };
}
