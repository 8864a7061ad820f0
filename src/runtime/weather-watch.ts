import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDbFlightStore } from '../adapters/dynamodb/dynamodb-flight-store.ts';
import { AviationWeatherSource } from '../adapters/weather/aviationweather-source.ts';
import { ReplayWeatherSource } from '../adapters/weather/replay-weather-source.ts';
import type { WeatherRouteDeps } from '../api/weather-routes.ts';
import type { TellPassengers } from '../handlers/tell-passengers.ts';
import { createWatchWeather } from '../handlers/watch-weather.ts';
import { declareWeatherDisruption } from '../handlers/weather-decisions.ts';
import type {
  BookingStore,
  Clock,
  EventPublisher,
  FeedProducer,
  Log,
  WeatherSource,
} from '../ports.ts';
import type { Config } from './config.ts';

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

export function weatherSourceFor(config: Config): WeatherSource {
  if (config.WEATHER_SOURCE === 'aviationweather')
    return new AviationWeatherSource({ baseUrl: config.AVIATIONWEATHER_URL });
  const dir = config.WEATHER_REPLAY_DIR;
  return new ReplayWeatherSource(isAbsolute(dir) ? dir : join(PROJECT_DIR, dir));
}

/** The weather watch and its decisions, wired to the local runtime's store, bus and feed. */
export function weatherWatch(
  config: Config,
  deps: {
    flights: DynamoDbFlightStore;
    bookings: BookingStore;
    bus: EventPublisher;
    clock: Clock;
    log: Log;
    feed: FeedProducer;
    tell: TellPassengers;
  },
): { routes: WeatherRouteDeps } {
  const decisions = {
    weatherStore: deps.flights,
    publisher: deps.bus,
    clock: deps.clock,
    feed: deps.feed,
  };
  const watch = createWatchWeather({
    flights: deps.flights,
    bookings: deps.bookings,
    tell: deps.tell,
    weatherStore: deps.flights,
    source: weatherSourceFor(config),
    publisher: deps.bus,
    clock: deps.clock,
    log: deps.log,
    policy: {
      autoDeclare: config.WEATHER_AUTO_DECLARE === 'true',
      headsUp: config.WEATHER_HEADS_UP === 'true',
    },
    declare: async (flight, weather, by) =>
      (await declareWeatherDisruption(decisions, flight, weather, by)).weather ?? weather,
  });
  return { routes: { ...decisions, flights: deps.flights, watch } };
}
