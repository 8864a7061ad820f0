import airportData from 'airport-data-js';
import { type AirportLookup, createAirportLookup } from './airport-lookup.ts';

/**
 * The airport reference of airport-data-js (CC BY 4.0), loaded once when this module is first
 * imported. The package ships its data inside the module and only exposes it through promises,
 * so the whole set is read with one top-level await; after that every lookup is synchronous
 * and performs no I/O. The records are not kept (a module constant lives as long as the
 * process): only the lookup's airports are, not a second copy of the package's 18,000 records.
 */
export const airports: AirportLookup = createAirportLookup(await airportData.findAirports({}));
