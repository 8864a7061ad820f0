// Compiles the airport reference FlightPulse reads from airport-data-js (CC BY 4.0):
// `npm run airports:compile` after updating the package (test/unit/airports says when).
import { writeFile } from 'node:fs/promises';
import airportData from 'airport-data-js';
import { referenceRecords } from '../src/domain/airports/airport-lookup.ts';

const file = new URL('../src/domain/airports/airport-records.json', import.meta.url);
const records = referenceRecords(await airportData.findAirports({}));
// One record a line: a package update shows as a readable diff.
await writeFile(file, `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
console.log(`${records.length} airports written to ${file.pathname}`);
