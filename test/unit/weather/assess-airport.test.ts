import { describe, expect, it } from 'vitest';
import {
  airportWeatherProfile,
  windLimitsFor,
} from '../../../src/domain/weather/airport-weather-profiles.ts';
import { assessAirport } from '../../../src/domain/weather/assess-airport.ts';
import { decodeMetar } from '../../../src/domain/weather/decode-metar.ts';
import { decodeTaf, forecastAt } from '../../../src/domain/weather/decode-taf.ts';
import { flightCategory } from '../../../src/domain/weather/flight-category.ts';
import { applicableMinimums } from '../../../src/domain/weather/landing-minimums.ts';
import { runwayWind } from '../../../src/domain/weather/runway-wind.ts';

const TAF = `TAF KDAL 151120Z 1512/1612 16005KT 3SM BR OVC008
  TEMPO 1512/1516 0400 FG VV002
  FM151700 18010KT P6SM BKN015
  BECMG 1520/1522 20015G28KT P6SM SCT030
  PROB30 1522/1602 3SM TSRA BKN020CB`;
const taf = decodeTaf(TAF, '2025-01-15T11:30:00Z');
const dal = airportWeatherProfile('DAL');
const limits = windLimitsFor('Boeing 737-800');

describe('flight category (FAA)', () => {
  it('takes the lower of ceiling and visibility', () => {
    expect(flightCategory(null, 16093)).toBe('VFR');
    expect(flightCategory(3100, 9656)).toBe('VFR');
    expect(flightCategory(3000, 16093)).toBe('MVFR');
    expect(flightCategory(null, 8047)).toBe('MVFR');
    expect(flightCategory(999, 16093)).toBe('IFR');
    expect(flightCategory(null, 4800)).toBe('MVFR');
    expect(flightCategory(null, 4000)).toBe('IFR');
    expect(flightCategory(499, 16093)).toBe('LIFR');
    expect(flightCategory(null, 1500)).toBe('LIFR');
    expect(flightCategory(null, 1600)).toBe('IFR');
  });
});

describe('landing minimums', () => {
  it('uses the airport approach for a standard crew', () => {
    expect(applicableMinimums('CAT II', 'STANDARD')).toMatchObject({
      decision_height_ft: 100,
      runway_visual_range_m: 300,
    });
    expect(applicableMinimums('CAT IIIA', 'STANDARD')).toMatchObject({
      runway_visual_range_m: 200,
    });
  });
  it('raises CAT I by 100 ft and half a mile for a high-minimums captain, who may not fly CAT II/III', () => {
    const m = applicableMinimums('CAT IIIA', 'HIGH_MINIMUMS_CAPTAIN');
    expect(m).toMatchObject({
      approach: 'CAT I',
      decision_height_ft: 300,
      runway_visual_range_m: 550 + 805,
    });
  });
});

describe('runway wind', () => {
  it('resolves crosswind and tailwind, at the gust', () => {
    expect(
      runwayWind({ direction_deg: 310, speed_kt: 20 }, { name: '04', true_heading_deg: 40 }),
    ).toEqual({
      runway: '04',
      crosswind_kt: 20,
      tailwind_kt: 0,
    });
    const w = runwayWind(
      { direction_deg: 220, speed_kt: 15, gust_kt: 30 },
      { name: '04', true_heading_deg: 40 },
    );
    expect(w).toEqual({ runway: '04', crosswind_kt: 0, tailwind_kt: 30 });
  });
  it('takes the worst direction of a variable wind', () => {
    const w = runwayWind(
      { direction_deg: 100, speed_kt: 20, variable_from_deg: 40, variable_to_deg: 130 },
      { name: '04', true_heading_deg: 40 },
    );
    expect(w.crosswind_kt).toBe(20);
  });
});

describe('TAF at a time', () => {
  it('honours TEMPO, FM, BECMG and PROB', () => {
    expect(forecastAt(taf, '2025-01-15T14:00:00Z')?.map((p) => p.label)).toEqual([
      'TAF',
      'TAF TEMPO 1200-1600',
    ]);
    expect(forecastAt(taf, '2025-01-15T18:00:00Z')?.map((p) => p.label)).toEqual(['TAF FM 1700']);
    const late = forecastAt(taf, '2025-01-15T23:00:00Z');
    expect(late?.map((p) => p.label)).toEqual(['TAF BECMG 2000-2200', 'TAF PROB30 2200-0200']);
    expect(late?.[0]?.conditions.wind).toMatchObject({ direction_deg: 200, gust_kt: 28 });
    expect(forecastAt(taf, '2025-01-17T00:00:00Z')).toBeUndefined();
  });
  it('judges the conditions before a BECMG group too while the change is under way', () => {
    expect(forecastAt(taf, '2025-01-15T21:00:00Z')?.map((p) => p.label)).toEqual([
      'TAF BECMG 2000-2200',
      'TAF FM 1700 (until BECMG 1520/1522 completes)',
    ]);
    expect(forecastAt(taf, '2025-01-15T22:30:00Z')?.[1]?.label).toBe('TAF PROB30 2200-0200');
  });
});

describe('airport assessment', () => {
  it('is HIGH when a TEMPO period is below CAT I, in plain words', () => {
    const a = assessAirport({ profile: dal, at: '2025-01-15T14:00:00Z', taf, windLimits: limits });
    expect(a.risk).toBe('HIGH');
    expect(a.below_minimums).toBe(true);
    expect(a.reasons).toContain('TAF TEMPO 1200-1600: 0400 m FG, below CAT I RVR 550 m');
    expect(a.flight_category).toBe('IFR');
  });
  it('is only a WATCH for a PROB30 thunderstorm', () => {
    const a = assessAirport({ profile: dal, at: '2025-01-15T23:00:00Z', taf, windLimits: limits });
    expect(a.risk).toBe('WATCH');
    expect(a.reasons).toEqual(['TAF PROB30 2200-0200: thunderstorm (TSRA)']);
  });
  it('uses the METAR within the hour, RVR where reported', () => {
    const metar = decodeMetar(
      'KDAL 151153Z 00000KT 1/4SM R13L/1200V1600FT FG VV001 08/08 A3012 RMK AO2',
    );
    const a = assessAirport({
      profile: dal,
      at: '2025-01-15T12:30:00Z',
      metar,
      taf,
      windLimits: limits,
    });
    expect(a.source).toBe('METAR');
    expect(a.reasons[0]).toBe('METAR 1153Z: RVR 13L 366 m FG, below CAT I RVR 550 m');
  });
  it('is NONE when the forecast is clear and within limits', () => {
    const a = assessAirport({ profile: dal, at: '2025-01-15T18:00:00Z', taf, windLimits: limits });
    expect(a).toMatchObject({ risk: 'NONE', reasons: [], flight_category: 'MVFR' });
  });
  it('finds no runway within the limits in a strong crosswind', () => {
    const metar = decodeMetar('KDAL 151153Z 22045G55KT 10SM FEW040 20/08 A2990');
    const a = assessAirport({
      profile: dal,
      at: '2025-01-15T12:00:00Z',
      metar,
      windLimits: limits,
    });
    expect(a.risk).toBe('HIGH');
    expect(a.reasons[0]).toContain("no runway within the aircraft's wind limits");
  });
  it('names hazards: freezing rain, heavy snow, volcanic ash, wind shear', () => {
    const at = '2025-01-15T12:00:00Z';
    const reasons = (raw: string) =>
      assessAirport({ profile: dal, at, metar: decodeMetar(raw), windLimits: limits }).reasons.join(
        '; ',
      );
    expect(reasons('KDAL 151153Z 36005KT 3SM -FZRA OVC015 M01/M02 A2992')).toContain(
      'freezing precipitation (-FZRA)',
    );
    expect(reasons('KDAL 151153Z 36005KT 3SM +SN OVC015 M01/M02 A2992')).toContain(
      'heavy snow (+SN)',
    );
    expect(reasons('KDAL 151153Z 36005KT 10SM VA OVC100 M01/M02 A2992')).toContain(
      'volcanic ash (VA)',
    );
    expect(reasons('KDAL 151153Z 36005KT 9999 FEW040 10/02 Q1010 WS R13L')).toContain(
      'low-level wind shear',
    );
  });
});
