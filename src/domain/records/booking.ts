import { z } from 'zod';
import { FlightIdSchema, IsoDateTimeSchema } from './flight.ts';
import { PassengerIdSchema } from './passenger.ts';

export const BOOKING_STATUSES = [
  'CONFIRMED',
  'CHECKED_IN',
  'CANCELLED',
  'NEEDS_REBOOKING',
  'REBOOKED',
] as const;
export const BookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof BookingStatusSchema>;

export const BookingIdSchema = z.string().regex(/^B\d{3,9}$/, 'booking id like B001');

export const SPECIAL_REQUESTS = [
  'WHEELCHAIR_ASSISTANCE',
  'VISUAL_ASSISTANCE',
  'HEARING_ASSISTANCE',
  'UNACCOMPANIED_MINOR',
  'TRAVELLING_WITH_INFANT',
  'SERVICE_ANIMAL',
  'SPECIAL_MEAL',
  'EXTRA_SEAT',
] as const;
export const SpecialRequestSchema = z.enum(SPECIAL_REQUESTS);
export type SpecialRequest = z.infer<typeof SpecialRequestSchema>;

export const BookingSchema = z.object({
  booking_id: BookingIdSchema,
  passenger_id: PassengerIdSchema,
  flight_id: FlightIdSchema,
  confirmation_number: z.string().regex(/^[A-Z0-9]{6}$/, '6-character confirmation code'),
  seat: z.string().regex(/^\d{1,2}[A-K]$/, 'seat like 12A'),
  fare_class: z.string().min(1),
  booking_status: BookingStatusSchema,
  checked_in: z.boolean(),
  bags_checked: z.number().int().min(0),
  special_requests: z.array(SpecialRequestSchema),
  created_at: IsoDateTimeSchema,
  /** The next flight of the same itinerary when the passenger connects at the destination. */
  onward_flight_id: FlightIdSchema.optional(),
  /** The offer of new flights made after a disruption, once there is one. */
  offer_id: z.string().optional(),
  /** Set on rebooking: the flight the passenger was moved from, and every flight of the new trip. */
  original_flight_id: FlightIdSchema.optional(),
  rebooked_flight_ids: z.array(FlightIdSchema).optional(),
  rebooked_at: IsoDateTimeSchema.optional(),
});
export type Booking = z.infer<typeof BookingSchema>;
