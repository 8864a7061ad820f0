import type { RegulatoryRegion } from './regulatory-region.ts';

/** One airport of the reference data, as the rest of FlightPulse sees it. */
export interface Airport {
  /** IATA code, upper case (e.g. FRA). */
  code: string;
  icao: string;
  name: string;
  /**
   * The city the airport serves. The reference data carries no municipality, so this comes
   * from a short curated list of the airports FlightPulse serves; null for the others.
   */
  city: string | null;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** Continent code of the reference data: AF, AN, AS, EU, NA, OC, SA. */
  continent: string;
  /** Which passenger-rights territory the airport lies in. */
  region: RegulatoryRegion;
  latitude: number;
  longitude: number;
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
}

/** The reference record as airport-data-js ships it (only the fields we read). */
export interface AirportRecord {
  iata: string;
  icao: string;
  time: string;
  country_code: string;
  continent: string;
  airport: string;
  latitude: number;
  longitude: number;
}

export class UnknownAirportError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(`unknown airport code ${JSON.stringify(code)}: not an IATA code in the reference data`);
    this.name = 'UnknownAirportError';
    this.code = code;
  }
}
