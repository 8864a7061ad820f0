import { type Airport, type AirportRecord, UnknownAirportError } from './airport.ts';
import { CITY_BY_AIRPORT } from './city-names.ts';
import { regulatoryRegionOf } from './regulatory-region.ts';

/**
 * IATA code → airport. Contract: `find` answers undefined for a code that is not in the
 * reference data (callers that can go on without it); `get` throws UnknownAirportError (callers
 * that cannot, such as the rights engine). Codes are matched case-insensitively after trimming.
 */
export interface AirportLookup {
  find(code: string): Airport | undefined;
  get(code: string): Airport;
  /** How many airports with an IATA code the reference holds. */
  readonly size: number;
}

function toAirport(record: AirportRecord): Airport {
  const code = record.iata.toUpperCase();
  return {
    code,
    icao: record.icao,
    name: record.airport,
    city: CITY_BY_AIRPORT[code] ?? null,
    country: record.country_code.toUpperCase(),
    continent: record.continent,
    region: regulatoryRegionOf(record.country_code),
    latitude: record.latitude,
    longitude: record.longitude,
    timeZone: record.time,
  };
}

/**
 * The records a lookup keeps, with only the fields it reads: those with an IATA code, the first
 * of each code (the reference lists the operating airport first).
 */
export function referenceRecords(records: Iterable<AirportRecord>): AirportRecord[] {
  const byCode = new Map<string, AirportRecord>();
  for (const record of records) {
    if (!/^[A-Za-z]{3}$/.test(record.iata ?? '')) continue;
    const code = record.iata.toUpperCase();
    if (byCode.has(code)) continue;
    const { iata, icao, time, country_code, continent, airport, latitude, longitude } = record;
    byCode.set(code, { iata, icao, time, country_code, continent, airport, latitude, longitude });
  }
  return [...byCode.values()];
}

/** Builds the lookup from reference records; records without an IATA code are left out. */
export function createAirportLookup(records: Iterable<AirportRecord>): AirportLookup {
  const byCode = new Map<string, Airport>();
  for (const airport of referenceRecords(records).map(toAirport)) byCode.set(airport.code, airport);
  return {
    find: (code) => byCode.get(code.trim().toUpperCase()),
    get(code) {
      const airport = byCode.get(code.trim().toUpperCase());
      if (!airport) throw new UnknownAirportError(code);
      return airport;
    },
    size: byCode.size,
  };
}
