import { z } from 'zod';
import { FlightSchema } from '../records/flight.ts';
import { RISK_LEVELS } from './risk-level.ts';

/** The bodies and answers of the weather routes, shared by the routes and the OpenAPI document. */
const ReasonSchema = z
  .string()
  .min(1)
  .max(300)
  .optional()
  .describe('why, in words; required when the flight has no assessment');
export const WaiverRequestSchema = z.object({
  issued_by: z.string().min(1).max(100).default('operations'),
  reason: ReasonSchema,
});
export const DeclarationRequestSchema = z.object({
  kind: z.enum(['DELAY', 'CANCELLATION']).optional(),
  declared_by: z.string().min(1).max(100).default('operations'),
  reason: ReasonSchema,
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
  total: z.number().int(),
});

/** Request examples for the OpenAPI document, each called by the contract walk in this order. */
export const WATCH_EXAMPLES = {
  morning: { summary: 'As of the recorded fog morning', value: { at: '2025-01-15T11:00:00Z' } },
};
export const WAIVER_EXAMPLES = {
  unassessed: {
    summary: 'No assessment and no reason: 409',
    value: { issued_by: 'duty-manager' },
  },
  withReason: {
    summary: 'With a reason of its own',
    value: { issued_by: 'duty-manager', reason: 'Freezing rain forecast all morning' },
  },
};
export const DECLARATION_EXAMPLES = {
  delayUnassessed: {
    summary: 'A delay with no forecast to estimate it from: 409',
    value: { kind: 'DELAY', declared_by: 'duty-manager' },
  },
  cancellation: {
    summary: 'A cancellation with its reason',
    value: {
      kind: 'CANCELLATION',
      declared_by: 'duty-manager',
      reason: 'Thunderstorms all afternoon',
    },
  },
};
