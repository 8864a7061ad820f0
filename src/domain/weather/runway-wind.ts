import type { Wind } from './conditions.ts';

export interface RunwayEnd {
  /** Designator, e.g. "13L". */
  name: string;
  /** Direction the runway points, degrees true. */
  true_heading_deg: number;
}

export interface RunwayWind {
  runway: string;
  crosswind_kt: number;
  /** Zero when the wind is a headwind on this runway. */
  tailwind_kt: number;
}

function angleBetween(a: number, b: number): number {
  return ((((a - b) % 360) + 540) % 360) - 180;
}

/** Directions to consider: the reported one, every degree of a variation range, or all (VRB). */
function directions(wind: Wind): number[] {
  if (wind.direction_deg === undefined) return Array.from({ length: 36 }, (_, i) => i * 10);
  if (wind.variable_from_deg === undefined || wind.variable_to_deg === undefined)
    return [wind.direction_deg];
  const span = (wind.variable_to_deg - wind.variable_from_deg + 360) % 360;
  return Array.from({ length: span + 1 }, (_, i) => (wind.variable_from_deg as number) + i);
}

/**
 * Crosswind and tailwind on a runway end, at the gust speed when there is one, and at the worst
 * direction of a variable wind.
 *
 * @example runwayWind({ direction_deg: 310, speed_kt: 20 }, { name: '04', true_heading_deg: 40 })
 *   // { runway: '04', crosswind_kt: 20, tailwind_kt: 0 }
 */
export function runwayWind(wind: Wind, runway: RunwayEnd): RunwayWind {
  const speed = Math.max(wind.speed_kt, wind.gust_kt ?? 0);
  let crosswind = 0;
  let tailwind = 0;
  for (const direction of directions(wind)) {
    const angle = (angleBetween(direction, runway.true_heading_deg) * Math.PI) / 180;
    crosswind = Math.max(crosswind, Math.abs(speed * Math.sin(angle)));
    tailwind = Math.max(tailwind, -speed * Math.cos(angle));
  }
  return {
    runway: runway.name,
    crosswind_kt: Math.round(crosswind),
    tailwind_kt: Math.max(0, Math.round(tailwind)),
  };
}
