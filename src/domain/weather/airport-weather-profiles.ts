import { airports } from '../airports/airport-reference.ts';
import type { ApproachCategory } from './landing-minimums.ts';
import type { RunwayEnd } from './runway-wind.ts';

/** What the weather assessment needs to know about an airport. */
export interface AirportWeatherProfile {
  /** IATA code, as flights carry it. */
  airport: string;
  /** ICAO location indicator, as reports carry it. */
  icao: string;
  /** The lowest approach category available (the airline's landing-minimums configuration). */
  lowest_approach: ApproachCategory;
  runways: RunwayEnd[];
}

/**
 * Runway ends from designators. The designator is the magnetic heading in tens of degrees
 * (±5°); adding the local magnetic variation (east positive) gives degrees true, the reference
 * METAR and TAF winds use.
 */
function runways(variationEastDeg: number, pairs: string[]): RunwayEnd[] {
  return pairs.flatMap((pair) =>
    pair.split('/').map((name) => ({
      name,
      true_heading_deg: (Number.parseInt(name, 10) * 10 + variationEastDeg + 360) % 360,
    })),
  );
}

/**
 * Per-airport configuration for the sample airports and a few large ones. The airport reference
 * data (airport-data-js) carries no runways, so this table is the source: runway designators as
 * published on the FAA airport diagrams (EGLL: UK AIP), magnetic variation rounded to the degree
 * (NOAA World Magnetic Model 2025). The lowest approach category per airport is an example
 * configuration; a carrier sets it from its operations specifications.
 */
export const AIRPORT_WEATHER_PROFILES: Record<string, AirportWeatherProfile> = {
  DAL: {
    airport: 'DAL',
    icao: 'KDAL',
    lowest_approach: 'CAT I',
    runways: runways(3, ['13L/31R', '13R/31L']),
  },
  HOU: {
    airport: 'HOU',
    icao: 'KHOU',
    lowest_approach: 'CAT I',
    runways: runways(2, ['04/22', '13R/31L', '17/35']),
  },
  LAX: {
    airport: 'LAX',
    icao: 'KLAX',
    lowest_approach: 'CAT IIIA',
    runways: runways(12, ['06L/24R', '06R/24L', '07L/25R', '07R/25L']),
  },
  DEN: {
    airport: 'DEN',
    icao: 'KDEN',
    lowest_approach: 'CAT IIIA',
    runways: runways(8, ['07/25', '08/26', '16L/34R', '16R/34L', '17L/35R', '17R/35L']),
  },
  PHX: {
    airport: 'PHX',
    icao: 'KPHX',
    lowest_approach: 'CAT I',
    runways: runways(10, ['07L/25R', '07R/25L', '08/26']),
  },
  OAK: {
    airport: 'OAK',
    icao: 'KOAK',
    lowest_approach: 'CAT II',
    runways: runways(13, ['10L/28R', '10R/28L', '12/30', '15/33']),
  },
  LAS: {
    airport: 'LAS',
    icao: 'KLAS',
    lowest_approach: 'CAT I',
    runways: runways(11, ['01L/19R', '01R/19L', '08L/26R', '08R/26L']),
  },
  SEA: {
    airport: 'SEA',
    icao: 'KSEA',
    lowest_approach: 'CAT IIIA',
    runways: runways(15, ['16L/34R', '16C/34C', '16R/34L']),
  },
  SAN: { airport: 'SAN', icao: 'KSAN', lowest_approach: 'CAT I', runways: runways(11, ['09/27']) },
  PDX: {
    airport: 'PDX',
    icao: 'KPDX',
    lowest_approach: 'CAT IIIA',
    runways: runways(15, ['03/21', '10L/28R', '10R/28L']),
  },
  JFK: {
    airport: 'JFK',
    icao: 'KJFK',
    lowest_approach: 'CAT IIIA',
    runways: runways(-13, ['04L/22R', '04R/22L', '13L/31R', '13R/31L']),
  },
  ORD: {
    airport: 'ORD',
    icao: 'KORD',
    lowest_approach: 'CAT IIIA',
    runways: runways(-4, [
      '04L/22R',
      '04R/22L',
      '09L/27R',
      '09C/27C',
      '09R/27L',
      '10L/28R',
      '10C/28C',
      '10R/28L',
    ]),
  },
  LHR: {
    airport: 'LHR',
    icao: 'EGLL',
    lowest_approach: 'CAT IIIA',
    runways: runways(1, ['09L/27R', '09R/27L']),
  },
};

/**
 * The profile of an airport. One without a configuration gets CAT I minimums, no runway wind
 * check, and its ICAO indicator from the airport reference (undefined when the reference has none).
 */
export function airportWeatherProfile(airport: string): AirportWeatherProfile {
  const configured = AIRPORT_WEATHER_PROFILES[airport];
  if (configured) return configured;
  return {
    airport,
    icao: airports.find(airport)?.icao ?? '',
    lowest_approach: 'CAT I',
    runways: [],
  };
}

/** Crosswind and tailwind limits per aircraft type (manufacturers' guidance, dry runway). */
export interface AircraftWindLimits {
  crosswind_kt: number;
  tailwind_kt: number;
}

export const AIRCRAFT_WIND_LIMITS: Record<string, AircraftWindLimits> = {
  'Boeing 737-700': { crosswind_kt: 33, tailwind_kt: 10 },
  'Boeing 737-800': { crosswind_kt: 33, tailwind_kt: 10 },
  'Boeing 737 MAX 8': { crosswind_kt: 33, tailwind_kt: 15 },
};

export const DEFAULT_WIND_LIMITS: AircraftWindLimits = { crosswind_kt: 30, tailwind_kt: 10 };

export function windLimitsFor(aircraft: string | undefined): AircraftWindLimits {
  return (aircraft && AIRCRAFT_WIND_LIMITS[aircraft]) || DEFAULT_WIND_LIMITS;
}
