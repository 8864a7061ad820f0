import geodesic from 'geographiclib-geodesic';
import type { Airport } from '../airports/airport.ts';

/**
 * WGS84 geodesic distance between two airports in kilometres, to one decimal: the "great circle
 * route" of Art. 7(4) of Regulation 261/2004, measured on the ellipsoid as GeographicLib does.
 */
export function geodesicDistanceKm(from: Airport, to: Airport): number {
  const { s12 } = geodesic.Geodesic.WGS84.Inverse(
    from.latitude,
    from.longitude,
    to.latitude,
    to.longitude,
  );
  return Math.round((s12 ?? 0) / 100) / 10;
}
