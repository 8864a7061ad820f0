import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { airlineItems } from '../adapters/dynamodb/table/table-items.ts';
import { BookingSchema } from '../domain/records/booking.ts';
import { FlightSchema } from '../domain/records/flight.ts';
import { PassengerSchema } from '../domain/records/passenger.ts';
import type { RetentionPolicy } from '../domain/records/retention.ts';

const directory = new URL('../../simulator/sample-data/', import.meta.url);

function read<T extends z.ZodType>(file: string, schema: T): z.infer<T>[] {
  return z
    .array(schema)
    .parse(JSON.parse(readFileSync(fileURLToPath(new URL(file, directory)), 'utf8')));
}

/** The specification's sample flights, passengers and bookings, validated. */
export function loadSampleData() {
  return {
    flights: read('flights.json', FlightSchema),
    passengers: read('passengers.json', PassengerSchema),
    bookings: read('bookings.json', BookingSchema),
  };
}

/** The sample data as table items: entities plus lookup records. */
export function sampleDataItems(retention?: RetentionPolicy): Record<string, unknown>[] {
  return airlineItems(loadSampleData(), retention);
}
