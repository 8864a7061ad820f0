import { z } from 'zod';

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
  LLM_PROVIDER: z
    .enum(['none'], { message: 'only "none" (templates) is available in this version' })
    .default('none'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `one of ${LOG_LEVELS.join(', ')}` }).default('INFO'),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads configuration from environment variables (empty values count as unset) and explains
 * every bad value at once.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  overrides: Partial<Record<keyof Config, string>> = {},
): Config {
  const source = Object.fromEntries(
    Object.entries({ ...env, ...overrides }).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = ConfigSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) =>
        `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(source[String(i.path[0])])})`,
    );
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  if (result.data.KAFKA_BROKERS) {
    throw new ConfigError(
      'invalid configuration:\n  KAFKA_BROKERS: the Kafka consumer is not part of this version; unset it to use the embedded feed',
    );
  }
  return result.data;
}
