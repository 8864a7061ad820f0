import type { BusEntry } from '../domain/event-routing/bus-events.ts';
import type { Flight } from '../domain/records/flight.ts';
import { airportWeatherProfile } from '../domain/weather/airport-weather-profiles.ts';
import { decodeAirportReports } from '../domain/weather/decode-airport-reports.ts';
import {
  assessFlightWeather,
  type FlightWeather,
  inWatchWindow,
} from '../domain/weather/flight-weather.ts';
import { headsUpNotifications } from '../domain/weather/heads-up-message.ts';
import type { RiskLevel } from '../domain/weather/risk-level.ts';
import {
  WEATHER_DETAIL_TYPES,
  WEATHER_EVENT_SOURCE,
  type WeatherRiskDetail,
} from '../domain/weather/weather-events.ts';
import { allFlights } from '../ports/all-pages.ts';
import type {
  BookingStore,
  Clock,
  EventPublisher,
  FlightStore,
  FlightWeatherStore,
  Log,
  WeatherSource,
} from '../ports.ts';
import type { TellPassengers } from './tell-passengers.ts';

/** What the airline decided the watch may do on its own. */
export interface WeatherPolicy {
  /** Declare a WEATHER delay (or cancellation) when a flight's risk turns HIGH. */
  autoDeclare: boolean;
  /** Tell passengers ahead when a flight's risk turns HIGH. */
  headsUp: boolean;
}

export interface WatchDeps {
  flights: FlightStore;
  weatherStore: FlightWeatherStore;
  source: WeatherSource;
  publisher: EventPublisher;
  clock: Clock;
  log: Log;
  policy: WeatherPolicy;
  /** Declares a WEATHER disruption through the normal event feed (decisions (b)). */
  declare: (flight: Flight, weather: FlightWeather, by: string) => Promise<FlightWeather>;
  /** Bookings and passengers, for the heads-up messages (policy.headsUp). */
  bookings?: BookingStore;
  /** Sends the heads-up messages through the channels' providers (policy.headsUp). */
  tell?: TellPassengers;
}

/** Tells every passenger of the flight ahead, on the channels they accept. */
async function tellHeadsUp(deps: WatchDeps, flight: Flight, weather: FlightWeather): Promise<void> {
  if (!deps.bookings || !deps.tell)
    throw new Error('the heads-up policy needs the booking store and the channels');
  const refs = await deps.flights.listFlightBookings(flight.flight_id);
  const bookings = await deps.bookings.getBookings(refs.map((r) => r.booking_id));
  const passengers = await deps.bookings.getPassengers([
    ...new Set(refs.map((r) => r.passenger_id)),
  ]);
  const byId = new Map(passengers.map((p) => [p.passenger_id, p]));
  await deps.tell(headsUpNotifications(flight, weather, bookings, byId, deps.clock.now()));
}

export interface WatchResult {
  assessed: number;
  changed: Array<{ flight_id: string; old_risk: string; new_risk: string }>;
  at: string;
}

async function flightsInWindow(flights: FlightStore, at: string): Promise<Flight[]> {
  const all = await allFlights(flights);
  return all.filter((f) => inWatchWindow(f, at));
}

/** weather.risk for a changed level, and the heads-up when the policy asks for it. */
async function publishChange(
  deps: WatchDeps,
  flight: Flight,
  oldRisk: RiskLevel,
  weather: FlightWeather,
  at: string,
): Promise<void> {
  const detail: WeatherRiskDetail = {
    flight_id: flight.flight_id,
    old_risk: oldRisk,
    new_risk: weather.risk,
    reasons: weather.reasons,
    suggested_delay_minutes: weather.suggested_delay_minutes,
    assessed_at: at,
  };
  const entries: BusEntry[] = [
    { source: WEATHER_EVENT_SOURCE, detailType: WEATHER_DETAIL_TYPES.risk, detail },
  ];
  const headsUp = deps.policy.headsUp && weather.risk === 'HIGH';
  if (headsUp)
    entries.push({
      source: WEATHER_EVENT_SOURCE,
      detailType: WEATHER_DETAIL_TYPES.headsUp,
      detail,
    });
  await deps.publisher.publish(entries);
  if (headsUp) await tellHeadsUp(deps, flight, weather);
  deps.log.info('weather risk changed', {
    flight_id: flight.flight_id,
    old_risk: oldRisk,
    new_risk: weather.risk,
  });
}

/**
 * The weather watch: every flight departing or arriving in the next 12 hours is assessed from
 * the latest reports, the assessment is stored on the flight, and `weather.risk` is published
 * when its level changes. EventBridge Scheduler runs it in AWS; an interval runs it locally.
 */
export function createWatchWeather(deps: WatchDeps) {
  return async (at: string = deps.clock.now()): Promise<WatchResult> => {
    const flights = await flightsInWindow(deps.flights, at);
    const icao = (airport: string) => airportWeatherProfile(airport).icao;
    const stations = [
      ...new Set(flights.flatMap((f) => [icao(f.origin), icao(f.destination)])),
    ].filter(Boolean);
    const reports = await deps.source.reports(stations, at);
    const changed: WatchResult['changed'] = [];
    for (const flight of flights) {
      const previous = flight.weather;
      let weather: FlightWeather = {
        ...assessFlightWeather({
          flight,
          origin: decodeAirportReports(reports.get(icao(flight.origin))),
          destination: decodeAirportReports(reports.get(icao(flight.destination))),
          now: at,
        }),
        ...(previous?.declared ? { declared: previous.declared } : {}),
      };
      const oldRisk: RiskLevel = previous?.risk ?? 'NONE';
      if (weather.risk === 'HIGH' && deps.policy.autoDeclare && !weather.declared) {
        weather = await deps.declare(flight, weather, 'policy');
      }
      await deps.weatherStore.saveWeather(flight.flight_id, weather);
      if (oldRisk === weather.risk) continue;
      changed.push({ flight_id: flight.flight_id, old_risk: oldRisk, new_risk: weather.risk });
      await publishChange(deps, flight, oldRisk, weather, at);
    }
    return { assessed: flights.length, changed, at };
  };
}
