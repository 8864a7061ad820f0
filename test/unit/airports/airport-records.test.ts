import airportData from 'airport-data-js';
import { describe, expect, it } from 'vitest';
import type { AirportRecord } from '../../../src/domain/airports/airport.ts';
import { referenceRecords } from '../../../src/domain/airports/airport-lookup.ts';
import records from '../../../src/domain/airports/airport-records.json' with { type: 'json' };

describe('the compiled airport reference', () => {
  it('is what airport-data-js holds (else: npm run airports:compile)', async () => {
    expect(records).toEqual(referenceRecords(await airportData.findAirports({})));
  });

  it('keeps one record per IATA code, the first the package lists, with the fields read', () => {
    const record = (iata: string, icao: string, airport: string): AirportRecord => ({
      iata,
      icao,
      time: 'UTC',
      country_code: 'DE',
      continent: 'EU',
      airport,
      latitude: 1,
      longitude: 2,
    });
    const first = record('xyz', 'A', 'One');
    const kept = referenceRecords([
      { ...first, runways: 3 } as AirportRecord,
      record('XYZ', 'B', 'Two'),
      record('', 'C', 'No code'),
    ]);
    expect(kept).toEqual([first]);
  });
});
