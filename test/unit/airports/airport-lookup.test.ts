import { describe, expect, it } from 'vitest';
import { UnknownAirportError } from '../../../src/domain/airports/airport.ts';
import { createAirportLookup } from '../../../src/domain/airports/airport-lookup.ts';
import { airports } from '../../../src/domain/airports/airport-reference.ts';
import { CITY_BY_AIRPORT } from '../../../src/domain/airports/city-names.ts';
import { regulatoryRegionOf } from '../../../src/domain/airports/regulatory-region.ts';

describe('the airport reference', () => {
  it('answers an IATA code with name, city, country, continent, region, coordinates and zone', () => {
    const frankfurt = airports.get('FRA');
    expect(frankfurt).toMatchObject({
      code: 'FRA',
      icao: 'EDDF',
      name: 'Frankfurt Airport',
      city: 'Frankfurt',
      country: 'DE',
      continent: 'EU',
      region: 'EU',
      timeZone: 'Europe/Berlin',
    });
    expect(frankfurt.latitude).toBeCloseTo(50.05, 1);
    expect(frankfurt.longitude).toBeCloseTo(8.57, 1);
  });

  it.each([
    ['LHR', 'UK', 'Europe/London'],
    ['YYZ', 'CA', 'America/Toronto'],
    ['DAL', 'US', 'America/Chicago'],
    ['SJU', 'US', 'America/Puerto_Rico'],
    ['ZRH', 'EU', 'Europe/Zurich'],
    ['KEF', 'EU', 'Atlantic/Reykjavik'],
    ['DXB', 'OTHER', 'Asia/Dubai'],
  ])('places %s in region %s with zone %s', (code, region, zone) => {
    expect(airports.get(code)).toMatchObject({ region, timeZone: zone });
  });

  it('matches codes regardless of case and surrounding spaces', () => {
    expect(airports.find(' lhr ')?.code).toBe('LHR');
  });

  it('answers undefined from find and throws a named error from get for an unknown code', () => {
    expect(airports.find('XQX')).toBeUndefined();
    expect(() => airports.get('XQX')).toThrow(UnknownAirportError);
    expect(() => airports.get('XQX')).toThrow(/unknown airport code "XQX"/);
  });

  it('knows every airport of the curated city list (no typo can hide there)', () => {
    const missing = Object.keys(CITY_BY_AIRPORT).filter((code) => !airports.find(code));
    expect(missing).toEqual([]);
    expect(airports.size).toBeGreaterThan(5_000);
  });

  it('leaves out records without an IATA code and keeps the first record of a code', () => {
    const base = {
      icao: 'XXXX',
      time: 'UTC',
      country_code: 'de',
      continent: 'EU',
      latitude: 0,
      longitude: 0,
    };
    const lookup = createAirportLookup([
      { ...base, iata: '', airport: 'No code' },
      { ...base, iata: 'abc', airport: 'First' },
      { ...base, iata: 'ABC', airport: 'Second' },
    ]);
    expect(lookup.size).toBe(1);
    expect(lookup.get('ABC')).toMatchObject({ name: 'First', country: 'DE', city: null });
  });
});

describe('regulatoryRegionOf', () => {
  it.each([
    ['FR', 'EU'],
    ['RE', 'EU'],
    ['NO', 'EU'],
    ['CH', 'EU'],
    ['GB', 'UK'],
    ['JE', 'OTHER'],
    ['CA', 'CA'],
    ['US', 'US'],
    ['GU', 'US'],
    ['MX', 'OTHER'],
  ])('places country %s in %s', (country, region) => {
    expect(regulatoryRegionOf(country)).toBe(region);
  });
});
