import { z } from 'zod';
import { FlightSchema } from '../records/flight.ts';
import { RISK_LEVELS } from './risk-level.ts';

/** The bodies and answers of the weather routes, shared by the routes and the OpenAPI document. */
export const WaiverRequestSchema = z.object({
  issued_by: z.string().min(1).max(100).default('operations'),
});
export const DeclarationRequestSchema = z.object({
  kind: z.enum(['DELAY', 'CANCELLATION']).optional(),
  declared_by: z.string().min(1).max(100).default('operations'),
});
export const WatchRequestSchema = z.object({ at: z.iso.datetime().optional() });

export const DeclarationSchema = z.object({
  kind: z.enum(['DELAY', 'CANCELLATION']),
  event_id: z.uuid(),
  delay_minutes: z.number().int().positive().optional(),
});
export const WatchResultSchema = z.object({
  assessed: z.number().int(),
  changed: z.array(
    z.object({
      flight_id: z.string(),
      old_risk: z.enum(RISK_LEVELS),
      new_risk: z.enum(RISK_LEVELS),
    }),
  ),
  at: z.string(),
});
export const WeatherFlightsSchema = z.object({
  flights: z.array(FlightSchema),
  count: z.number().int(),
});
