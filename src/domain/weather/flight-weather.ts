import type { Flight } from '../records/flight.ts';
import { airportWeatherProfile, windLimitsFor } from './airport-weather-profiles.ts';
import { type AirportAssessment, assessAirport } from './assess-airport.ts';
import type { DecodedMetar } from './decode-metar.ts';
import type { DecodedTaf } from './decode-taf.ts';
import type { AirportWeather, FlightWeather } from './flight-weather-record.ts';
import type { CrewQualification } from './landing-minimums.ts';
import { higherRisk } from './risk-level.ts';

export { type FlightWeather, FlightWeatherSchema } from './flight-weather-record.ts';

/** The reports of one airport, decoded; errors are kept to be shown, never guessed around. */
export interface AirportReports {
  metar?: DecodedMetar;
  taf?: DecodedTaf;
  problems: string[];
}

export interface FlightWeatherInput {
  flight: Flight;
  origin: AirportReports;
  destination: AirportReports;
  now: string;
  crew?: CrewQualification;
}

const isoUtc = (time: string) => new Date(time).toISOString();

function airportWeather(
  reports: AirportReports,
  airport: string,
  at: string,
  input: FlightWeatherInput,
): AirportWeather {
  const a: AirportAssessment = assessAirport({
    profile: airportWeatherProfile(airport),
    at,
    ...(reports.metar ? { metar: reports.metar } : {}),
    ...(reports.taf ? { taf: reports.taf } : {}),
    ...(input.crew ? { crew: input.crew } : {}),
    windLimits: windLimitsFor(input.flight.aircraft),
  });
  return {
    airport: a.airport,
    at: a.at,
    source: a.source,
    flight_category: a.flight_category,
    ceiling_ft: a.ceiling_ft,
    visibility_m: a.visibility_m,
    below_minimums: a.below_minimums,
    risk: reports.problems.length > 0 ? higherRisk(a.risk, 'WATCH') : a.risk,
    reasons: [...reports.problems, ...a.reasons],
    crosswind_kt: a.crosswind_kt,
    ...(reports.metar ? { metar: reports.metar.raw } : {}),
    ...(reports.taf ? { taf: reports.taf.raw } : {}),
  };
}

function departureOf(flight: Flight): string {
  return isoUtc(flight.estimated_departure ?? flight.scheduled_departure);
}
function arrivalOf(flight: Flight): string {
  return isoUtc(flight.estimated_arrival ?? flight.scheduled_arrival);
}

const STEP_MINUTES = 15;
const MAX_DELAY_MINUTES = 12 * 60;

/**
 * The smallest delay, in 15-minute steps, after which neither the departure nor the arrival
 * airport's forecast shows a HIGH risk; null when the forecasts never clear within 12 hours.
 */
function suggestedDelay(input: FlightWeatherInput): number | null {
  const { flight } = input;
  const shift = (iso: string, minutes: number) =>
    new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
  for (let minutes = STEP_MINUTES; minutes <= MAX_DELAY_MINUTES; minutes += STEP_MINUTES) {
    const at = (iso: string) => shift(iso, minutes);
    const departure = airportWeather(input.origin, flight.origin, at(departureOf(flight)), input);
    const arrival = airportWeather(
      input.destination,
      flight.destination,
      at(arrivalOf(flight)),
      input,
    );
    if (departure.source === 'NONE' || arrival.source === 'NONE') return null;
    if (departure.risk !== 'HIGH' && arrival.risk !== 'HIGH') return minutes;
  }
  return null;
}

/**
 * A flight's weather: the origin at departure and the destination at arrival (estimated times
 * when there are any), the higher of the two risks, and — when HIGH — the delay after which the
 * forecast improves.
 */
export function assessFlightWeather(input: FlightWeatherInput): FlightWeather {
  const { flight } = input;
  const departure = airportWeather(input.origin, flight.origin, departureOf(flight), input);
  const arrival = airportWeather(input.destination, flight.destination, arrivalOf(flight), input);
  const risk = higherRisk(departure.risk, arrival.risk);
  return {
    risk,
    assessed_at: input.now,
    reasons: [
      ...departure.reasons.map((r) => `${flight.origin} departure: ${r}`),
      ...arrival.reasons.map((r) => `${flight.destination} arrival: ${r}`),
    ],
    departure,
    arrival,
    suggested_delay_minutes: risk === 'HIGH' ? suggestedDelay(input) : null,
  };
}

const WATCH_STATUSES = new Set(['SCHEDULED', 'BOARDING', 'DELAYED']);
export const WATCH_HORIZON_HOURS = 12;

/** Flights the watch looks at: departing or arriving within the next 12 hours, not yet gone. */
export function inWatchWindow(flight: Flight, now: string): boolean {
  if (!WATCH_STATUSES.has(flight.status)) return false;
  const start = new Date(now).getTime();
  const end = start + WATCH_HORIZON_HOURS * 3600_000;
  return [departureOf(flight), arrivalOf(flight)].some((t) => {
    const ms = new Date(t).getTime();
    return ms >= start && ms <= end;
  });
}
