import type { AircraftWindLimits } from './airport-weather-profiles.ts';
import type { Conditions } from './conditions.ts';
import { type FlightCategory, flightCategory } from './flight-category.ts';
import type { LandingMinimums } from './landing-minimums.ts';
import type { Finding } from './risk-level.ts';
import { type RunwayEnd, type RunwayWind, runwayWind } from './runway-wind.ts';

/** What the conditions are judged against. */
export interface Judgement {
  minimums: LandingMinimums;
  runways: RunwayEnd[];
  windLimits: AircraftWindLimits;
}

export interface ConditionsVerdict {
  flight_category: FlightCategory | null;
  below_minimums: boolean;
  runway_winds: RunwayWind[];
  findings: Finding[];
}

/** RVR where reported (the best runway's, since one usable runway is enough), else visibility. */
function controllingVisibility(c: Conditions): { metres: number; text: string } | undefined {
  const best = [...c.rvr].sort((a, b) => b.metres - a.metres)[0];
  if (best) return { metres: best.metres, text: `RVR ${best.runway} ${best.metres} m` };
  if (c.visibility_m === undefined) return undefined;
  return { metres: c.visibility_m, text: c.visibility_text ?? `${c.visibility_m} m` };
}

function minimumsFindings(label: string, c: Conditions, m: LandingMinimums): Finding[] {
  const findings: Finding[] = [];
  const what = `${m.approach}${m.raised_for ? ` raised for a ${m.raised_for}` : ''}`;
  const weather = c.weather.length > 0 ? ` ${c.weather.join(' ')}` : '';
  const visibility = controllingVisibility(c);
  if (visibility && visibility.metres < m.runway_visual_range_m) {
    findings.push({
      level: 'HIGH',
      reason: `${label}: ${visibility.text}${weather}, below ${what} RVR ${m.runway_visual_range_m} m`,
    });
  }
  if (c.ceiling_ft !== null && c.ceiling_ft < m.decision_height_ft) {
    findings.push({
      level: 'HIGH',
      reason: `${label}: ceiling ${c.ceiling_ft} ft (${c.ceiling_layer}), below ${what} decision height ${m.decision_height_ft} ft`,
    });
  }
  return findings;
}

function hazardFindings(label: string, c: Conditions): Finding[] {
  const named = (flag: boolean, what: string, codes: (w: string) => boolean): Finding[] =>
    flag
      ? [
          {
            level: 'HIGH',
            reason: `${label}: ${what}${c.weather.some(codes) ? ` (${c.weather.filter(codes).join(' ')})` : ''}`,
          },
        ]
      : [];
  return [
    ...named(c.thunderstorm, 'thunderstorm', (w) => w.includes('TS')),
    ...named(
      c.freezing_precipitation,
      'freezing precipitation',
      (w) => w.includes('FZRA') || w.includes('FZDZ') || w.includes('PL'),
    ),
    ...named(c.heavy_snow, 'heavy snow', (w) => w.startsWith('+') && w.includes('SN')),
    ...named(c.volcanic_ash, 'volcanic ash', (w) => w.includes('VA')),
    ...named(c.wind_shear, 'low-level wind shear', () => false),
  ];
}

function windFindings(label: string, winds: RunwayWind[], limits: AircraftWindLimits): Finding[] {
  if (winds.length === 0) return [];
  const within = winds.filter(
    (w) => w.crosswind_kt <= limits.crosswind_kt && w.tailwind_kt <= limits.tailwind_kt,
  );
  if (within.length === 0) {
    const best = [...winds].sort((a, b) => a.crosswind_kt - b.crosswind_kt)[0] as RunwayWind;
    return [
      {
        level: 'HIGH',
        reason: `${label}: no runway within the aircraft's wind limits (best ${best.runway}: crosswind ${best.crosswind_kt} kt, tailwind ${best.tailwind_kt} kt; limits ${limits.crosswind_kt} / ${limits.tailwind_kt} kt)`,
      },
    ];
  }
  const best = [...within].sort((a, b) => a.crosswind_kt - b.crosswind_kt)[0] as RunwayWind;
  if (best.crosswind_kt > limits.crosswind_kt - 5) {
    return [
      {
        level: 'WATCH',
        reason: `${label}: crosswind ${best.crosswind_kt} kt on the best runway ${best.runway}, close to the ${limits.crosswind_kt} kt limit`,
      },
    ];
  }
  return [];
}

/**
 * Judges one set of conditions — a METAR, or one period of a TAF — against the minimums, the
 * runways and the aircraft. `label` starts every reason ("METAR 1251Z", "TAF TEMPO 1500-1800").
 */
export function assessConditions(label: string, c: Conditions, j: Judgement): ConditionsVerdict {
  const findings: Finding[] = [];
  const category =
    c.visibility_m !== undefined ? flightCategory(c.ceiling_ft, c.visibility_m) : null;
  if (category === null)
    findings.push({ level: 'WATCH', reason: `${label}: visibility not reported` });
  const belowMinimums = minimumsFindings(label, c, j.minimums);
  findings.push(...belowMinimums);
  if (belowMinimums.length === 0 && (category === 'IFR' || category === 'LIFR')) {
    const ceiling = c.ceiling_ft !== null ? `ceiling ${c.ceiling_ft} ft, ` : '';
    findings.push({
      level: 'WATCH',
      reason: `${label}: ${category}, ${ceiling}visibility ${c.visibility_text}`,
    });
  }
  findings.push(...hazardFindings(label, c));
  const runwayWinds = c.wind
    ? j.runways.map((r) => runwayWind(c.wind as NonNullable<Conditions['wind']>, r))
    : [];
  findings.push(...windFindings(label, runwayWinds, j.windLimits));
  return {
    flight_category: category,
    below_minimums: belowMinimums.length > 0,
    runway_winds: runwayWinds,
    findings,
  };
}
