import airportData from 'airport-data-js';
import { describe, expect, it } from 'vitest';
import { referenceRecords } from '../../../src/domain/airports/airport-lookup.ts';
import records from '../../../src/domain/airports/airport-records.json' with { type: 'json' };

describe('the compiled airport reference', () => {
  it('is what airport-data-js holds (else: npm run airports:compile)', async () => {
    expect(records).toEqual(referenceRecords(await airportData.findAirports({})));
  });

  it('keeps one record per IATA code, the first the package lists, with the fields read', () => {
    const records = referenceRecords([
      {
        iata: 'xyz',
        icao: 'A',
        time: 'UTC',
        country_code: 'de',
        continent: 'EU',
        airport: 'One',
        latitude: 1,
        longitude: 2,
        runways: 3,
      } as never,
      {
        iata: 'XYZ',
        icao: 'B',
        time: 'UTC',
        country_code: 'DE',
        continent: 'EU',
        airport: 'Two',
        latitude: 1,
        longitude: 2,
      },
      {
        iata: '',
        icao: 'C',
        time: 'UTC',
        country_code: 'DE',
        continent: 'EU',
        airport: 'No code',
        latitude: 1,
        longitude: 2,
      },
    ]);
    expect(records).toEqual([
      {
        iata: 'xyz',
        icao: 'A',
        time: 'UTC',
        country_code: 'de',
        continent: 'EU',
        airport: 'One',
        latitude: 1,
        longitude: 2,
      },
    ]);
  });
});
