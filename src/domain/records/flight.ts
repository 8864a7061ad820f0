import { z } from 'zod';
import { FlightSeatsSchema } from '../rebooking/seat-inventory.ts';
import { FlightWeatherSchema, WaiverSchema } from '../weather/flight-weather-record.ts';

export const FLIGHT_STATUSES = [
  'SCHEDULED',
  'BOARDING',
  'DELAYED',
  'CANCELLED',
  'DEPARTED',
  'ARRIVED',
] as const;
export const FlightStatusSchema = z.enum(FLIGHT_STATUSES);
export type FlightStatus = z.infer<typeof FlightStatusSchema>;

export const FlightIdSchema = z
  .string()
  .regex(/^[A-Z0-9]{2}\d{1,4}[A-Z]?$/, 'flight id like SW1234');
export const AirportCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'three-letter airport code');
/** ISO 8601 date-time; offsets allowed so times stay in the airport's local time. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export const FlightSchema = z.object({
  flight_id: FlightIdSchema,
  origin: AirportCodeSchema,
  destination: AirportCodeSchema,
  scheduled_departure: IsoDateTimeSchema,
  scheduled_arrival: IsoDateTimeSchema,
  estimated_departure: IsoDateTimeSchema.nullable().default(null),
  estimated_arrival: IsoDateTimeSchema.nullable().default(null),
  actual_departure: IsoDateTimeSchema.nullable().default(null),
  actual_arrival: IsoDateTimeSchema.nullable().default(null),
  status: FlightStatusSchema,
  gate: z.string().min(1),
  terminal: z.string().min(1).optional(),
  aircraft: z.string().min(1),
  delay_minutes: z.number().int().min(0).default(0),
  delay_reason: z.string().nullable().default(null),
  /** Time of the newest operations event applied to status/delay; guards against regressions. */
  last_event_at: IsoDateTimeSchema.nullable().default(null),
  /** Time of the newest gate change applied. */
  gate_updated_at: IsoDateTimeSchema.nullable().default(null),
  /** Seats per cabin: capacity, booked, held by open offers. */
  seats: FlightSeatsSchema.optional(),
  /** The weather watch's latest assessment and the decisions taken on it. */
  weather: FlightWeatherSchema.optional(),
  /** A travel waiver operations issued for the flight (no-fee changes). */
  waiver: WaiverSchema.optional(),
});
export type Flight = z.infer<typeof FlightSchema>;
