// Lambda entry: EventBridge Scheduler (every 15 minutes) → the weather watch.
import { z } from 'zod';
import { KafkaFeedProducer } from '../adapters/kafka/kafka-feed-producer.ts';
import { AviationWeatherSource } from '../adapters/weather/aviationweather-source.ts';
import { FLIGHT_OPERATIONS_TOPIC } from '../domain/disruptions/inbound-events.ts';
import { describeIssues } from '../domain/records/describe-issues.ts';
import { createWatchWeather } from '../handlers/watch-weather.ts';
import { declareWeatherDisruption } from '../handlers/weather-decisions.ts';
import { awsDependencies } from './aws-dependencies.ts';

const WeatherEnvSchema = z.object({
  AVIATIONWEATHER_URL: z.url().default('https://aviationweather.gov'),
  WEATHER_AUTO_DECLARE: z.enum(['true', 'false']).default('false'),
  WEATHER_HEADS_UP: z.enum(['true', 'false']).default('false'),
  /** Where a declared WEATHER disruption is produced; required for the automatic mode. */
  KAFKA_BROKERS: z.string().optional(),
  /** The topic's partition count: a record's partition follows from its key, as producers hash it. */
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(3),
});
const parsed = WeatherEnvSchema.safeParse(process.env);
if (!parsed.success) throw new Error(`invalid Lambda environment: ${describeIssues(parsed.error)}`);
const env = parsed.data;
if (env.WEATHER_AUTO_DECLARE === 'true' && !env.KAFKA_BROKERS)
  throw new Error(
    'invalid Lambda environment: WEATHER_AUTO_DECLARE needs KAFKA_BROKERS to declare into',
  );

const { flights, bookings, publisher, clock, log } = awsDependencies(process.env);
const feed = env.KAFKA_BROKERS
  ? new KafkaFeedProducer(
      env.KAFKA_BROKERS.split(','),
      FLIGHT_OPERATIONS_TOPIC,
      env.KAFKA_PARTITIONS,
    )
  : undefined;
const decisions = { weatherStore: flights, publisher, clock, ...(feed ? { feed } : {}) };

const watch = createWatchWeather({
  flights,
  bookings,
  weatherStore: flights,
  source: new AviationWeatherSource({ baseUrl: env.AVIATIONWEATHER_URL }),
  publisher,
  clock,
  log,
  policy: {
    autoDeclare: env.WEATHER_AUTO_DECLARE === 'true',
    headsUp: env.WEATHER_HEADS_UP === 'true',
  },
  declare: async (flight, weather, by) =>
    (await declareWeatherDisruption(decisions, flight, weather, by)).weather ?? weather,
});

/** The schedule's input carries no time: the watch runs as of now. */
export const handler = async () => watch();
