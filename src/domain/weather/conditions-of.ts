import {
  CloudQuantity,
  Descriptive,
  DistanceUnit,
  type IAbstractWeatherContainer,
  Intensity,
  type IWeatherCondition,
  type IWind,
  Phenomenon,
  type RunwayInfo,
  RunwayInfoTrend,
  RunwayInfoUnit,
  SpeedUnit,
  ValueIndicator,
  type Visibility,
} from 'metar-taf-parser';
import {
  type Conditions,
  METRES_PER_STATUTE_MILE,
  type RunwayVisualRange,
  type Wind,
} from './conditions.ts';

const KNOTS_PER: Record<SpeedUnit, number> = {
  [SpeedUnit.Knot]: 1,
  [SpeedUnit.MetersPerSecond]: 1.943844,
  [SpeedUnit.KilometersPerHour]: 0.539957,
};
const METRES_PER_FOOT = 0.3048;

function windOf(wind: IWind | undefined): Wind | undefined {
  if (!wind) return undefined;
  const factor = KNOTS_PER[wind.unit];
  return {
    ...(wind.degrees !== undefined && wind.direction !== 'VRB'
      ? { direction_deg: wind.degrees }
      : {}),
    speed_kt: Math.round(wind.speed * factor),
    ...(wind.gust !== undefined ? { gust_kt: Math.round(wind.gust * factor) } : {}),
    ...(wind.minVariation !== undefined && wind.maxVariation !== undefined
      ? { variable_from_deg: wind.minVariation, variable_to_deg: wind.maxVariation }
      : {}),
  };
}

/** Metres; "9999" and CAVOK mean 10 km or more and read as 10,000 m. */
export function visibilityMetres(visibility: Visibility | undefined): number | undefined {
  if (!visibility) return undefined;
  if (visibility.unit === DistanceUnit.Meters)
    return visibility.value >= 9999 ? 10000 : visibility.value;
  return Math.round(statuteMiles(visibility.value) * METRES_PER_STATUTE_MILE);
}

/**
 * The parser rounds fractions to hundredths (1/8 → 0.13); US stations report in sixteenths,
 * so a value within a hundredth of a sixteenth is that sixteenth.
 */
function statuteMiles(value: number): number {
  const sixteenths = Math.round(value * 16) / 16;
  return Math.abs(sixteenths - value) <= 0.01 ? sixteenths : value;
}

function miles(reported: number): string {
  const value = statuteMiles(reported);
  const whole = Math.floor(value);
  const part = value - whole;
  const denominator = [2, 4, 8, 16].find((d) =>
    Number.isInteger(Math.round(part * d * 1000) / 1000),
  );
  if (part === 0 || denominator === undefined) return `${value}`;
  const fraction = `${Math.round(part * denominator)}/${denominator}`;
  return whole > 0 ? `${whole} ${fraction}` : fraction;
}

export function visibilityText(
  visibility: Visibility | undefined,
  cavok: boolean,
): string | undefined {
  if (cavok) return 'CAVOK';
  if (!visibility) return undefined;
  const value =
    visibility.unit === DistanceUnit.Meters
      ? `${String(visibility.value).padStart(4, '0')} m`
      : `${miles(visibility.value)} SM`;
  if (visibility.indicator === ValueIndicator.LessThan) return `less than ${value}`;
  if (visibility.indicator === ValueIndicator.GreaterThan) return `more than ${value}`;
  return value;
}

function rvrOf(runways: RunwayInfo[]): RunwayVisualRange[] {
  const ranges: RunwayVisualRange[] = [];
  for (const info of runways) {
    if (!('minRange' in info)) continue;
    // A variable range (R04R/2200V4000FT) controls at its lower value.
    const value = info.minRange;
    const metres = info.unit === RunwayInfoUnit.Feet ? Math.round(value * METRES_PER_FOOT) : value;
    const trend =
      info.trend === RunwayInfoTrend.Uprising
        ? 'UP'
        : info.trend === RunwayInfoTrend.Decreasing
          ? 'DOWN'
          : info.trend === RunwayInfoTrend.NoSignificantChange
            ? 'NO_CHANGE'
            : undefined;
    ranges.push({ runway: info.name, metres, ...(trend ? { trend } : {}) });
  }
  return ranges;
}

function ceilingOf(
  container: IAbstractWeatherContainer,
): Pick<Conditions, 'ceiling_ft' | 'ceiling_layer'> {
  let ceiling: { ft: number; layer: string } | undefined;
  for (const cloud of container.clouds) {
    if (cloud.quantity !== CloudQuantity.BKN && cloud.quantity !== CloudQuantity.OVC) continue;
    if (cloud.height === undefined) continue;
    if (!ceiling || cloud.height < ceiling.ft) {
      ceiling = {
        ft: cloud.height,
        layer: `${cloud.quantity}${String(cloud.height / 100).padStart(3, '0')}`,
      };
    }
  }
  const vv = container.verticalVisibility;
  if (vv !== undefined && (!ceiling || vv < ceiling.ft)) {
    ceiling = { ft: vv, layer: `VV${String(vv / 100).padStart(3, '0')}` };
  }
  return ceiling ? { ceiling_ft: ceiling.ft, ceiling_layer: ceiling.layer } : { ceiling_ft: null };
}

export function weatherText(w: IWeatherCondition): string {
  return `${w.intensity ?? ''}${w.descriptive ?? ''}${w.phenomenons.join('')}`;
}

function hazardsOf(weather: IWeatherCondition[]) {
  const has = (test: (w: IWeatherCondition) => boolean) => weather.some(test);
  return {
    thunderstorm: has(
      (w) =>
        w.descriptive === Descriptive.THUNDERSTORM ||
        w.phenomenons.includes(Phenomenon.THUNDERSTORM),
    ),
    freezing_precipitation: has(
      (w) =>
        (w.descriptive === Descriptive.FREEZING &&
          (w.phenomenons.includes(Phenomenon.RAIN) ||
            w.phenomenons.includes(Phenomenon.DRIZZLE))) ||
        w.phenomenons.includes(Phenomenon.ICE_PELLETS),
    ),
    heavy_snow: has(
      (w) => w.intensity === Intensity.HEAVY && w.phenomenons.includes(Phenomenon.SNOW),
    ),
    volcanic_ash: has((w) => w.phenomenons.includes(Phenomenon.VOLCANIC_ASH)),
  };
}

/** Conditions from a decoded METAR, TAF or TAF change group. */
export function conditionsOf(
  container: IAbstractWeatherContainer,
  extra: { runways?: RunwayInfo[]; windShearGroups?: string[] } = {},
): Conditions {
  const wind = windOf(container.wind);
  const visibility_m = container.cavok ? 10000 : visibilityMetres(container.visibility);
  const visibility_text = visibilityText(container.visibility, container.cavok === true);
  return {
    ...(wind ? { wind } : {}),
    ...(visibility_m !== undefined ? { visibility_m } : {}),
    ...(visibility_text !== undefined ? { visibility_text } : {}),
    cavok: container.cavok === true,
    ...(container.cavok ? { ceiling_ft: null } : ceilingOf(container)),
    rvr: rvrOf(extra.runways ?? []),
    weather: container.weatherConditions.map(weatherText),
    ...hazardsOf(container.weatherConditions),
    wind_shear: container.windShear !== undefined || (extra.windShearGroups ?? []).length > 0,
  };
}
