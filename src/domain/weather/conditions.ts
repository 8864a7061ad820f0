/**
 * Weather conditions as the assessment reads them, in one set of units: feet for heights,
 * metres for visibility and runway visual range, knots for wind, degrees true for directions.
 */
export interface Wind {
  /** Undefined when the direction is variable (VRB). */
  direction_deg?: number;
  speed_kt: number;
  gust_kt?: number;
  /** A reported variation range (e.g. 150V220). */
  variable_from_deg?: number;
  variable_to_deg?: number;
}

export interface RunwayVisualRange {
  runway: string;
  metres: number;
  trend?: 'UP' | 'DOWN' | 'NO_CHANGE';
}

export interface Conditions {
  wind?: Wind;
  /** Prevailing visibility; undefined when the group is missing (////). */
  visibility_m?: number;
  /** Visibility as a dispatcher reads it: "0400 m", "1 1/2 SM", "less than 1/4 SM". */
  visibility_text?: string;
  cavok: boolean;
  /** Lowest broken, overcast or vertical-visibility layer; null when there is none. */
  ceiling_ft: number | null;
  /** The layer that makes the ceiling, e.g. "OVC002" or "VV001". */
  ceiling_layer?: string;
  rvr: RunwayVisualRange[];
  /** Present weather as written, e.g. ["+TSRA", "FG"]. */
  weather: string[];
  thunderstorm: boolean;
  freezing_precipitation: boolean;
  heavy_snow: boolean;
  volcanic_ash: boolean;
  wind_shear: boolean;
}

export const METRES_PER_STATUTE_MILE = 1609.344;
