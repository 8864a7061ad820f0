import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLIGHT_CATEGORIES, flightCategory } from '../../../src/domain/weather/flight-category.ts';
import { runwayWind } from '../../../src/domain/weather/runway-wind.ts';

const heading = fc.integer({ min: 0, max: 359 });
const speed = fc.integer({ min: 0, max: 80 });

describe('weather properties', () => {
  it('crosswind and tailwind never exceed the wind (gust included), and a runway pair splits head and tail', () => {
    fc.assert(
      fc.property(
        heading,
        speed,
        fc.integer({ min: 0, max: 20 }),
        heading,
        (direction, kt, extra, runway) => {
          const wind = {
            direction_deg: direction,
            speed_kt: kt,
            ...(extra > 0 ? { gust_kt: kt + extra } : {}),
          };
          const one = runwayWind(wind, { name: 'A', true_heading_deg: runway });
          const other = runwayWind(wind, { name: 'B', true_heading_deg: (runway + 180) % 360 });
          const strongest = kt + extra;
          expect(one.crosswind_kt).toBeLessThanOrEqual(strongest);
          expect(one.tailwind_kt).toBeLessThanOrEqual(strongest);
          expect(one.crosswind_kt).toBe(other.crosswind_kt);
          // Opposite ends: at most one of them has a tailwind.
          expect(Math.min(one.tailwind_kt, other.tailwind_kt)).toBe(0);
        },
      ),
    );
  });

  it('a variable wind is never judged kinder than any single direction within its range', () => {
    fc.assert(
      fc.property(
        heading,
        fc.integer({ min: 0, max: 180 }),
        speed,
        heading,
        (from, span, kt, runway) => {
          const to = (from + span) % 360;
          const variable = runwayWind(
            { direction_deg: from, speed_kt: kt, variable_from_deg: from, variable_to_deg: to },
            { name: 'R', true_heading_deg: runway },
          );
          const steady = runwayWind(
            { direction_deg: (from + Math.floor(span / 2)) % 360, speed_kt: kt },
            { name: 'R', true_heading_deg: runway },
          );
          expect(variable.crosswind_kt).toBeGreaterThanOrEqual(steady.crosswind_kt);
          expect(variable.tailwind_kt).toBeGreaterThanOrEqual(steady.tailwind_kt);
        },
      ),
    );
  });

  it('lower ceiling or visibility never gives a better flight category', () => {
    const rank = (c: string) => FLIGHT_CATEGORIES.indexOf(c as (typeof FLIGHT_CATEGORIES)[number]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.integer({ min: 0, max: 20000 }),
        fc.integer({ min: 0, max: 20000 }),
        fc.integer({ min: 0, max: 20000 }),
        (c1, c2, v1, v2) => {
          const better = flightCategory(Math.max(c1, c2), Math.max(v1, v2));
          const worse = flightCategory(Math.min(c1, c2), Math.min(v1, v2));
          expect(rank(worse)).toBeGreaterThanOrEqual(rank(better));
        },
      ),
    );
  });
});
