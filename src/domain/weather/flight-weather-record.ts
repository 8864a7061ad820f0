import { z } from 'zod';
import { FLIGHT_CATEGORIES } from './flight-category.ts';
import { RISK_LEVELS } from './risk-level.ts';

/**
 * The weather record kept on a flight. Only the schema lives here, so the flight record (and the
 * console, which bundles it) does not pull in the parser or the airport reference.
 */
export const AirportWeatherSchema = z.object({
  airport: z.string(),
  at: z.string(),
  source: z.enum(['METAR', 'TAF', 'NONE']),
  flight_category: z.enum(FLIGHT_CATEGORIES).nullable(),
  ceiling_ft: z.number().nullable(),
  visibility_m: z.number().nullable(),
  below_minimums: z.boolean(),
  risk: z.enum(RISK_LEVELS),
  reasons: z.array(z.string()),
  crosswind_kt: z.record(z.string(), z.number()),
  metar: z.string().optional(),
  taf: z.string().optional(),
});

/** A travel waiver, kept on the flight as its own attribute (written once). */
export const WaiverSchema = z.object({
  waiver_id: z.string(),
  issued_at: z.string(),
  issued_by: z.string(),
  reason: z.string(),
});

/** The weather assessment stored on a flight, and what operations decided about it. */
export const FlightWeatherSchema = z.object({
  risk: z.enum(RISK_LEVELS),
  assessed_at: z.string(),
  reasons: z.array(z.string()),
  departure: AirportWeatherSchema,
  arrival: AirportWeatherSchema,
  /** Minutes of delay after which the forecast no longer shows a HIGH risk; null if it never does. */
  suggested_delay_minutes: z.number().int().nullable(),
  declared: z
    .object({
      kind: z.enum(['DELAY', 'CANCELLATION']),
      at: z.string(),
      by: z.string(),
      delay_minutes: z.number().int().optional(),
    })
    .optional(),
});
export type FlightWeather = z.infer<typeof FlightWeatherSchema>;
export type AirportWeather = z.infer<typeof AirportWeatherSchema>;
export type Waiver = z.infer<typeof WaiverSchema>;
