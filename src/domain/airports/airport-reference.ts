import type { AirportRecord } from './airport.ts';
import { createAirportLookup } from './airport-lookup.ts';
import records from './airport-records.json' with { type: 'json' };

/**
 * The airport reference of airport-data-js (CC BY 4.0), compiled into `airport-records.json` by
 * `npm run airports:compile` (only the records and fields the lookup reads; a test keeps it equal
 * to the package). Loading the package itself held its whole parsed data set for the life of the
 * process, 20 MB of heap for 4 MB used. Every lookup is synchronous and performs no I/O.
 */
export const airports = createAirportLookup(records as AirportRecord[]);
