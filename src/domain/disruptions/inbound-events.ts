import { z } from 'zod';
import { FlightIdSchema, IsoDateTimeSchema } from '../records/flight.ts';

/** The Kafka topic operations events arrive on. */
export const FLIGHT_OPERATIONS_TOPIC = 'flight-operations';

export const DELAY_REASONS = ['WEATHER', 'MECHANICAL', 'CREW', 'ATC', 'SECURITY', 'OTHER'] as const;
export const CANCELLATION_REASONS = ['WEATHER', 'MECHANICAL', 'CREW', 'OTHER'] as const;
export const REBOOKING_PRIORITIES = ['HIGH', 'NORMAL', 'LOW'] as const;

const GateSchema = z.string().regex(/^[A-Z]{1,2}\d{1,3}$/, 'gate like A12');

export const FlightDelayEventSchema = z.object({
  event_id: z.uuid(),
  event_type: z.literal('FLIGHT_DELAY'),
  timestamp: IsoDateTimeSchema,
  source: z.literal('operations_center'),
  payload: z.object({
    flight_id: FlightIdSchema,
    delay_minutes: z
      .number()
      .int()
      .positive()
      .max(24 * 60),
    reason: z.enum(DELAY_REASONS),
    reason_detail: z.string(),
    new_departure: IsoDateTimeSchema,
    new_arrival: IsoDateTimeSchema,
  }),
});

const EventIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'event id (uuid recommended)');

export const FlightCancelledEventSchema = z.object({
  event_id: EventIdSchema,
  event_type: z.literal('FLIGHT_CANCELLED'),
  timestamp: IsoDateTimeSchema,
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
  timestamp: IsoDateTimeSchema,
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
