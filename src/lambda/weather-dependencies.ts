import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { IngestFunctionFeed } from '../adapters/lambda/ingest-function-feed.ts';
import { AviationWeatherSource } from '../adapters/weather/aviationweather-source.ts';
import type { WeatherRouteDeps } from '../api/weather-routes.ts';
import { FLIGHT_OPERATIONS_TOPIC } from '../domain/disruptions/inbound-events.ts';
import { describeIssues } from '../domain/records/describe-issues.ts';
import { WatchResultSchema } from '../domain/weather/weather-requests.ts';
import { createWatchWeather, type WatchResult } from '../handlers/watch-weather.ts';
import { declareWeatherDisruption } from '../handlers/weather-decisions.ts';
import type { FeedProducer } from '../ports.ts';
import { awsDependencies } from './aws-dependencies.ts';
import { awsTellPassengers } from './tell-passengers.ts';

const WeatherEnvSchema = z.object({
  AVIATIONWEATHER_URL: z.url().default('https://aviationweather.gov'),
  WEATHER_AUTO_DECLARE: z.enum(['true', 'false']).default('false'),
  WEATHER_HEADS_UP: z.enum(['true', 'false']).default('false'),
  /**
   * Where a declared WEATHER disruption enters: the ingest function, invoked with the event its
   * Kafka source would deliver (no Kafka client in the functions: MSK IAM, SCRAM and the VPC
   * stay the event source mapping's business).
   */
  INGEST_FUNCTION_NAME: z.string().optional(),
  /** The topic's partition count: a record's partition follows from its key, as producers hash it. */
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(3),
  /** The API's "run the watch now" invokes the watch function (which reads the reports). */
  WEATHER_WATCH_FUNCTION_NAME: z.string().optional(),
});
type WeatherEnv = z.infer<typeof WeatherEnvSchema>;

function parseWeatherEnv(env: Record<string, string | undefined>): WeatherEnv {
  const parsed = WeatherEnvSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(`invalid Lambda environment: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function feedFor(env: WeatherEnv): FeedProducer | undefined {
  if (env.INGEST_FUNCTION_NAME)
    return new IngestFunctionFeed(
      env.INGEST_FUNCTION_NAME,
      FLIGHT_OPERATIONS_TOPIC,
      env.KAFKA_PARTITIONS,
    );
  return undefined;
}

/** The decisions (waiver, declaration) as the API and the watch function take them in AWS. */
function weatherDecisions(env: Record<string, string | undefined>) {
  const settings = parseWeatherEnv(env);
  const { flights, bookings, publisher, clock, log } = awsDependencies(env);
  const feed = feedFor(settings);
  const decisions = { weatherStore: flights, publisher, clock, ...(feed ? { feed } : {}) };
  return { settings, decisions, flights, bookings, publisher, clock, log };
}

/** The watch as the scheduled function runs it: reports from aviationweather.gov. */
export function weatherWatchFunction(env: Record<string, string | undefined>) {
  const { settings, decisions, flights, bookings, publisher, clock, log } = weatherDecisions(env);
  if (settings.WEATHER_AUTO_DECLARE === 'true' && !decisions.feed)
    throw new Error(
      'invalid Lambda environment: WEATHER_AUTO_DECLARE needs INGEST_FUNCTION_NAME to declare into',
    );
  return createWatchWeather({
    flights,
    bookings,
    // Heads-ups leave through the channels; without the policy the watch sends nothing.
    ...(settings.WEATHER_HEADS_UP === 'true' ? { tell: awsTellPassengers(env) } : {}),
    weatherStore: flights,
    source: new AviationWeatherSource({ baseUrl: settings.AVIATIONWEATHER_URL }),
    publisher,
    clock,
    log,
    policy: {
      autoDeclare: settings.WEATHER_AUTO_DECLARE === 'true',
      headsUp: settings.WEATHER_HEADS_UP === 'true',
    },
    declare: async (flight, weather, by) =>
      (await declareWeatherDisruption(decisions, flight, weather, by)).weather ?? weather,
  });
}

/**
 * The weather routes of the API function: its view and decisions on the table, and "run the
 * watch now" as an invocation of the watch function, which alone reads the reports (the API
 * function may sit in a VPC without internet access).
 */
export function weatherRouteDependencies(
  env: Record<string, string | undefined>,
  lambda: Pick<LambdaClient, 'send'> = new LambdaClient({}),
): WeatherRouteDeps {
  const { settings, decisions, flights } = weatherDecisions(env);
  const functionName = settings.WEATHER_WATCH_FUNCTION_NAME;
  const watch = async (at?: string): Promise<WatchResult> => {
    if (!functionName) throw new Error('WEATHER_WATCH_FUNCTION_NAME is not set');
    const answer = await lambda.send(
      new InvokeCommand({ FunctionName: functionName, Payload: JSON.stringify(at ? { at } : {}) }),
    );
    const text = new TextDecoder().decode(answer.Payload);
    if (answer.FunctionError) throw new Error(`weather watch failed: ${text}`);
    return WatchResultSchema.parse(JSON.parse(text)) as WatchResult;
  };
  return { ...decisions, flights, watch };
}
