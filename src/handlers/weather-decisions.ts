import { createHash } from 'node:crypto';
import type { Flight } from '../domain/records/flight.ts';
import type { FlightWeather } from '../domain/weather/flight-weather.ts';
import {
  type WaiverIssuedDetail,
  WEATHER_DETAIL_TYPES,
  WEATHER_EVENT_SOURCE,
} from '../domain/weather/weather-events.ts';
import type { Clock, EventPublisher, FeedProducer, FlightWeatherStore } from '../ports.ts';
import { buildEvent } from '../simulator/build-event.ts';

export interface DecisionDeps {
  weatherStore: FlightWeatherStore;
  publisher: EventPublisher;
  clock: Clock;
  /** The flight-operations feed a declared disruption enters, like any other event. */
  feed?: FeedProducer;
}

export class DecisionError extends Error {
  override name = 'DecisionError';
}

/** A name-based UUID (version 5 layout): the same decision always gets the same event id. */
function uuidFor(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function reasonOf(weather: FlightWeather): string {
  return weather.reasons[0] ?? `weather risk ${weather.risk}`;
}

/**
 * (a) A travel waiver: claimed on the flight once (its id follows from the flight and date), then
 * published as flight.waiver_issued for the rebooking flow to offer every passenger a free change.
 * Its reason is the one operations give, or else the assessment's first.
 */
export async function issueWaiver(
  deps: DecisionDeps,
  flight: Flight,
  issuedBy: string,
  reason?: string,
): Promise<WaiverIssuedDetail> {
  const stated = reason ?? (flight.weather ? reasonOf(flight.weather) : undefined);
  if (!stated)
    throw new DecisionError(
      `${flight.flight_id} has no weather assessment yet: say why in "reason"`,
    );
  const date = flight.scheduled_departure.slice(0, 10).replaceAll('-', '');
  const waiver = await deps.weatherStore.saveWaiver(flight.flight_id, {
    waiver_id: `WX-${flight.flight_id}-${date}`,
    issued_at: deps.clock.now(),
    issued_by: issuedBy,
    reason: stated,
  });
  const detail: WaiverIssuedDetail = { ...waiver, flight_id: flight.flight_id };
  // Published again on a repeat: the consumer keys its offers by waiver id.
  await deps.publisher.publish([
    { source: WEATHER_EVENT_SOURCE, detailType: WEATHER_DETAIL_TYPES.waiverIssued, detail },
  ]);
  return detail;
}

export interface Declaration {
  kind: 'DELAY' | 'CANCELLATION';
  event_id: string;
  delay_minutes?: number;
}

/**
 * (b) A WEATHER delay — as long as the forecast needs to improve — or, when it does not improve
 * within 12 hours or operations say so, a cancellation. It enters the operations feed as a normal
 * event, so the usual workflows tell the passengers.
 */
export async function declareWeatherDisruption(
  deps: DecisionDeps,
  flight: Flight,
  weather: FlightWeather | undefined,
  by: string,
  requested?: 'DELAY' | 'CANCELLATION',
  reason?: string,
): Promise<{ declaration: Declaration; weather: FlightWeather | undefined }> {
  if (!deps.feed) throw new DecisionError('no operations feed is configured to declare into');
  const minutes = weather?.suggested_delay_minutes ?? null;
  const kind = requested ?? (minutes === null ? 'CANCELLATION' : 'DELAY');
  if (kind === 'DELAY' && minutes === null)
    throw new DecisionError(
      weather
        ? `the forecast for ${flight.flight_id} does not improve within 12 hours: cancel instead`
        : `${flight.flight_id} has no weather assessment to estimate a delay from`,
    );
  const reasonDetail = reason ?? (weather ? reasonOf(weather) : undefined);
  if (!reasonDetail)
    throw new DecisionError(
      `${flight.flight_id} has no weather assessment yet: say why in "reason"`,
    );
  const now = deps.clock.now();
  const eventId = uuidFor(`weather:${flight.flight_id}:${weather?.assessed_at ?? now}:${kind}`);
  const event = buildEvent(
    kind === 'DELAY'
      ? {
          eventType: 'FLIGHT_DELAY',
          flightId: flight.flight_id,
          delayMinutes: minutes as number,
          reason: 'WEATHER',
          reasonDetail,
        }
      : {
          eventType: 'FLIGHT_CANCELLED',
          flightId: flight.flight_id,
          reason: 'WEATHER',
          reasonDetail,
          rebookingPriority: 'HIGH',
        },
    flight,
    eventId,
    now,
  );
  await deps.feed.produce([{ key: flight.flight_id, value: JSON.stringify(event) }]);
  const declaration: Declaration = {
    kind,
    event_id: eventId,
    ...(kind === 'DELAY' ? { delay_minutes: minutes as number } : {}),
  };
  const declared = {
    kind,
    at: now,
    by,
    ...(declaration.delay_minutes ? { delay_minutes: declaration.delay_minutes } : {}),
  };
  if (!weather) return { declaration, weather };
  const updated = { ...weather, declared };
  await deps.weatherStore.saveWeather(flight.flight_id, updated);
  return { declaration, weather: updated };
}
