import { z } from 'zod';
import { InboundEventSchema } from '../domain/disruptions/inbound-events.ts';

/**
 * What `POST /feed/flight-operations` takes, as documented: one operations event, an array of
 * them, or Kafka REST Proxy's `{ records: [{ key, value }] }`. The feed itself stores any JSON
 * value as a record — ingest validates and dead-letters, as it would for Kafka — so this
 * schema documents what will be accepted downstream, not what the endpoint refuses.
 */
export const FeedBodySchema = z.union([
  InboundEventSchema,
  z.array(InboundEventSchema).min(1).max(1000),
  z.object({
    records: z
      .array(
        z.object({
          key: z.string().nullable().optional().describe('Kafka key; defaults to the flight id'),
          value: z.union([InboundEventSchema, z.string().describe('the event as JSON text')]),
        }),
      )
      .min(1)
      .max(1000),
  }),
]);

export const FEED_EXAMPLES = {
  delay: {
    summary: 'A 45-minute delay',
    value: {
      event_id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      event_type: 'FLIGHT_DELAY',
      timestamp: '2025-01-15T10:00:00Z',
      source: 'operations_center',
      payload: {
        flight_id: 'SW1234',
        delay_minutes: 45,
        reason: 'MECHANICAL',
        reason_detail: 'Hydraulic pump replacement',
        new_departure: '2025-01-15T11:15:00Z',
        new_arrival: '2025-01-15T13:45:00Z',
      },
    },
  },
  cancellation: {
    summary: 'A cancellation for weather',
    value: {
      event_id: 'ops-2025-01-15-0042',
      event_type: 'FLIGHT_CANCELLED',
      timestamp: '2025-01-15T10:05:00Z',
      source: 'operations_center',
      payload: {
        flight_id: 'SW9012',
        reason: 'WEATHER',
        reason_detail: 'Severe thunderstorms at the destination',
        rebooking_priority: 'HIGH',
      },
    },
  },
  gateChange: {
    summary: 'A gate change to another terminal, timestamp without offset (read as UTC)',
    value: {
      records: [
        {
          key: 'SW3456',
          value: {
            event_id: 'gate-SW3456-1',
            event_type: 'GATE_CHANGE',
            timestamp: '2025-01-15T10:10:00.123456',
            source: 'airport_ops',
            payload: {
              flight_id: 'SW3456',
              old_gate: 'A5',
              new_gate: 'D15',
              terminal_change: true,
            },
          },
        },
      ],
    },
  },
};
