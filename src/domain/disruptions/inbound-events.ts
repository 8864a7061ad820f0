import { z } from 'zod';
import { FlightIdSchema } from '../records/flight.ts';
import { InboundDateTimeSchema } from './inbound-date-time.ts';

/** The Kafka topic operations events arrive on. */
export const FLIGHT_OPERATIONS_TOPIC = 'flight-operations';
/** Where a record that cannot be processed ends, with its payload (locally and in AWS). */
export const FLIGHT_OPERATIONS_DEAD_LETTER_TOPIC = `${FLIGHT_OPERATIONS_TOPIC}.dlq`;

export const DELAY_REASONS = ['WEATHER', 'MECHANICAL', 'CREW', 'ATC', 'SECURITY', 'OTHER'] as const;
export const CANCELLATION_REASONS = ['WEATHER', 'MECHANICAL', 'CREW', 'OTHER'] as const;
export const REBOOKING_PRIORITIES = ['HIGH', 'NORMAL', 'LOW'] as const;

/** Gates as airports name them: 1–6 letters and digits, optionally with a hyphen (9, A4A, T1-B22). */
export const GateSchema = z
  .string()
  .regex(
    /^(?:[A-Za-z0-9]{1,6}|(?=[A-Za-z0-9-]{3,7}$)[A-Za-z0-9]+-[A-Za-z0-9]+)$/,
    'gate of 1–6 letters and digits, optionally with a hyphen (A12, 9, T1-B22)',
  );

/** Delays are accepted up to 7 days; a longer one is a cancellation in practice. */
export const MAX_DELAY_MINUTES = 7 * 24 * 60;

/** Any non-empty id up to 128 characters: producers use UUIDs, sequence numbers, composite keys. */
export const EventIdSchema = z.string().min(1).max(128);

export const FlightDelayEventSchema = z.object({
  event_id: EventIdSchema,
  event_type: z.literal('FLIGHT_DELAY'),
  timestamp: InboundDateTimeSchema,
  source: z.literal('operations_center'),
  payload: z.object({
    flight_id: FlightIdSchema,
    delay_minutes: z.number().int().positive().max(MAX_DELAY_MINUTES),
    reason: z.enum(DELAY_REASONS),
    reason_detail: z.string(),
    new_departure: InboundDateTimeSchema,
    new_arrival: InboundDateTimeSchema,
    /** Lifts a cancellation: the flight flies after all, with these times. */
    reinstated: z.boolean().optional(),
  }),
});

export const FlightCancelledEventSchema = z.object({
  event_id: EventIdSchema,
  event_type: z.literal('FLIGHT_CANCELLED'),
  timestamp: InboundDateTimeSchema,
  source: z.literal('operations_center'),
  payload: z.object({
    flight_id: FlightIdSchema,
    reason: z.enum(CANCELLATION_REASONS),
    reason_detail: z.string(),
    rebooking_priority: z.enum(REBOOKING_PRIORITIES),
  }),
});

export const GateChangeEventSchema = z.object({
  event_id: EventIdSchema,
  event_type: z.literal('GATE_CHANGE'),
  timestamp: InboundDateTimeSchema,
  source: z.literal('airport_ops'),
  payload: z.object({
    flight_id: FlightIdSchema,
    old_gate: GateSchema,
    new_gate: GateSchema,
    terminal_change: z.boolean(),
  }),
});

export const INBOUND_EVENT_TYPES = ['FLIGHT_DELAY', 'FLIGHT_CANCELLED', 'GATE_CHANGE'] as const;

export const InboundEventSchema = z.discriminatedUnion('event_type', [
  FlightDelayEventSchema,
  FlightCancelledEventSchema,
  GateChangeEventSchema,
]);

export type FlightDelayEvent = z.infer<typeof FlightDelayEventSchema>;
export type FlightCancelledEvent = z.infer<typeof FlightCancelledEventSchema>;
export type GateChangeEvent = z.infer<typeof GateChangeEventSchema>;
export type InboundEvent = z.infer<typeof InboundEventSchema>;
