import { z } from 'zod';
import { FlightIdSchema, IsoDateTimeSchema } from '../records/flight.ts';
import { RISK_LEVELS } from './risk-level.ts';

export const WEATHER_EVENT_SOURCE = 'flightpulse.weather';

export const WEATHER_DETAIL_TYPES = {
  risk: 'weather.risk',
  waiverIssued: 'flight.waiver_issued',
  /** A HIGH risk passengers are told about ahead (policy; off by default). */
  headsUp: 'weather.heads_up',
} as const;

/** Published when a flight's weather risk level changes. */
export const WeatherRiskDetailSchema = z.object({
  flight_id: FlightIdSchema,
  old_risk: z.enum(RISK_LEVELS),
  new_risk: z.enum(RISK_LEVELS),
  reasons: z.array(z.string()),
  suggested_delay_minutes: z.number().int().nullable(),
  assessed_at: IsoDateTimeSchema,
});
export type WeatherRiskDetail = z.infer<typeof WeatherRiskDetailSchema>;

/** A travel waiver: the flight's passengers may rebook without a fee. */
export const WaiverIssuedDetailSchema = z.object({
  waiver_id: z.string(),
  flight_id: FlightIdSchema,
  reason: z.string(),
  issued_at: IsoDateTimeSchema,
  issued_by: z.string(),
});
export type WaiverIssuedDetail = z.infer<typeof WaiverIssuedDetailSchema>;
