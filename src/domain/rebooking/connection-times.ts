/**
 * Minimum connecting time (minutes) at a hub: below it a connection is not protected. Airports
 * publish their own; these are typical domestic values, with a default for the rest.
 */
const MINIMUM_CONNECTING_MINUTES: Readonly<Record<string, number>> = {
  ATL: 40,
  DEN: 40,
  DFW: 45,
  ORD: 50,
  LAX: 60,
  LAS: 40,
  PHX: 40,
  MDW: 35,
  HOU: 35,
  BWI: 35,
  SEA: 45,
  MCO: 40,
  DAL: 35,
};
export const DEFAULT_MINIMUM_CONNECTING_MINUTES = 45;

/** Extra time on top of the MCT for a passenger who needs assistance: no tight connections. */
export const ASSISTED_CONNECTION_EXTRA_MINUTES = 45;

export function minimumConnectingMinutes(airport: string): number {
  return MINIMUM_CONNECTING_MINUTES[airport] ?? DEFAULT_MINIMUM_CONNECTING_MINUTES;
}

/** The shortest connection a passenger may be given at an airport. */
export function shortestAllowedConnection(airport: string, assisted: boolean): number {
  return minimumConnectingMinutes(airport) + (assisted ? ASSISTED_CONNECTION_EXTRA_MINUTES : 0);
}
