import { join } from 'node:path';
import { z } from 'zod';
import { type LlmSettings, LlmSettingsSchema } from '../adapters/llm/llm-settings.ts';
import type { RetentionPolicy } from '../domain/records/retention.ts';
import { DEFAULT_CLAIM_FORM_URL } from '../domain/rights/rights-settings.ts';

const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'] as const;

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  FLIGHTPULSE_DATA_DIR: z.string().min(1).default('.flightpulse'),
  TABLE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'a DynamoDB table name')
    .default('FlightPulseTable'),
  EVENT_BUS_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,256}$/, 'an EventBridge bus name')
    .default('flightpulse-bus'),
  DYNAMODB_ENDPOINT: z.url({ message: 'a URL such as http://127.0.0.1:8000' }).optional(),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'host:port[,host:port…]')
    .optional(),
  KAFKA_GROUP_ID: z.string().min(1).default('flightpulse-ingest'),
  KAFKA_MAX_BATCH: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Events older than this many hours are dead-lettered (7 days by default). */
  FLIGHTPULSE_MAX_EVENT_AGE_HOURS: z.coerce.number().positive().max(100_000).default(168),
  /** Seconds between re-drives of runs that ended failed (a dead-lettered batch); 0 turns it off. */
  REDRIVE_INTERVAL_SECONDS: z.coerce.number().min(0).max(86_400).default(30),
  KAFKA_TOPIC: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,200}$/, 'a Kafka topic name')
    .default('flight-operations'),
  /** When the EU261 revision applies, until the date is published (YYYY-MM-DD). */
  EU261_REVISION_EFFECTIVE_FROM: z.iso.date({ message: 'a date such as 2027-01-01' }).optional(),
  WEATHER_SOURCE: z.enum(['replay', 'aviationweather']).default('replay'),
  WEATHER_REPLAY_DIR: z.string().min(1).default('simulator/weather'),
  AVIATIONWEATHER_URL: z.url().default('https://aviationweather.gov'),
  /** Minutes between weather-watch runs; 0 turns the local interval off. */
  WEATHER_WATCH_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  WEATHER_AUTO_DECLARE: z.enum(['true', 'false']).default('false'),
  WEATHER_HEADS_UP: z.enum(['true', 'false']).default('false'),
  /** The claim form passengers are sent to (each link adds ?booking=<id>). */
  CLAIM_FORM_URL: z
    .url({ message: 'a URL such as https://claims.example.com/claim' })
    .default(DEFAULT_CLAIM_FORM_URL),
  /** Minutes an offer stays open before its top option is booked for the passenger. */
  OFFER_EXPIRY_MINUTES: z.coerce.number().min(0.05).max(1440).default(30),
  /** Seconds between sweeps of the local offer-expiry scheduler. */
  OFFER_EXPIRY_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(10),
  /** Days notifications and ingested events are kept (their TTL); bookings: BOOKING_RETENTION_YEARS. */
  RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(90),
  BOOKING_RETENTION_YEARS: z.coerce.number().int().min(1).max(30).default(7),
  /** Seconds between sweeps of expired items (DynamoDB's TTL does this in AWS; 0 turns it off). */
  TTL_SWEEP_SECONDS: z.coerce.number().min(0).max(86_400).default(3600),
  /** The address passengers open offer links at (default: this server). */
  PUBLIC_URL: z.url().optional(),
  /** Cognito hosted sign-in for the console (all three, or none for local sign-in). */
  COGNITO_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/, 'a host name such as fp.auth.eu-west-1.amazoncognito.com')
    .optional(),
  COGNITO_CLIENT_ID: z.string().min(1).optional(),
  CONSOLE_REDIRECT_URI: z.url().optional(),
  /** The passenger-links app client: offer pages trade their link for a Cognito token (AWS_REGION's pool). */
  COGNITO_PASSENGER_CLIENT_ID: z.string().min(1).optional(),
  /** Send e-mail to this SMTP server instead of the embedded mailbox. */
  SMTP_HOST: z.string().min(1).optional(),
  /** The embedded mailbox's port (0: any free port), or SMTP_HOST's port. */
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  EMAIL_FROM: z.string().min(3).default('FlightPulse <notifications@flightpulse.local>'),
  /** Messages per second each local provider accepts (the SES / SMS quotas in AWS). */
  DELIVERY_RATE_PER_SECOND: z.coerce.number().positive().default(1000),
  /** Local stand-ins only: addresses, numbers, device endpoints or device tokens that bounce. */
  DELIVERY_BOUNCE_ADDRESSES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  /** Local stand-ins only: share of provider calls that fail transiently (0–1). */
  DELIVERY_TRANSIENT_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Local stand-ins only: seeds which calls fail transiently, so a run can be repeated. */
  DELIVERY_FAULT_SEED: z.coerce.number().int().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `one of ${LOG_LEVELS.join(', ')}` }).default('INFO'),
});

export type Config = z.infer<typeof ConfigSchema> & { llm: LlmSettings };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads configuration from environment variables (empty values count as unset) and explains
 * every bad value at once.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  overrides: Partial<Record<string, string>> = {},
): Config {
  const source = Object.fromEntries(
    Object.entries({ ...env, ...overrides }).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = ConfigSchema.safeParse(source);
  const llm = LlmSettingsSchema.safeParse(source);
  if (!result.success || !llm.success) {
    const issues = [...(result.error?.issues ?? []), ...(llm.error?.issues ?? [])];
    const lines = issues.map((i) => {
      const name = String(i.path[0]);
      // Never echo a secret back.
      const got = /KEY/.test(name) ? '' : ` (got ${JSON.stringify(source[name])})`;
      return `  ${i.path.join('.')}: ${i.message}${got}`;
    });
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...result.data, llm: llm.data };
}

/** Effective dates of rule sets set by configuration, by rule-set id. */
export function ruleEffectiveDates(config: Pick<Config, 'EU261_REVISION_EFFECTIVE_FROM'>) {
  return config.EU261_REVISION_EFFECTIVE_FROM
    ? { 'EU261-2026': config.EU261_REVISION_EFFECTIVE_FROM }
    : {};
}

/** Where passengers' links and the sign-in point: the API's address unless PUBLIC_URL says. */
export function publicUrlOf(config: Config): string {
  return config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`;
}

/** The log-group files the runtime writes itself (the notification log groups' stand-in). */
export function logsDirOf(config: Config): string {
  return join(config.FLIGHTPULSE_DATA_DIR, 'logs');
}

/** How long personal data is kept, from configuration. */
export function retentionOf(config: Config): RetentionPolicy {
  return { eventDays: config.RETENTION_DAYS, bookingYears: config.BOOKING_RETENTION_YEARS };
}
