import { z } from 'zod';
import { DisruptionKindSchema } from '../disruptions/disruption.ts';
import { ChannelSchema, MessageTypeSchema } from '../event-routing/bus-events.ts';

/** How soon a delivery must go out: a terminal change's SMS goes before everything else. */
export const DeliveryPrioritySchema = z.enum(['IMMEDIATE', 'NORMAL']);

/** One filled message on one channel, ready to send. */
export const DeliverySchema = z.object({
  channel: ChannelSchema,
  priority: DeliveryPrioritySchema,
  recipient: z.string(),
  subject: z.string().optional(),
  body: z.string(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** A passenger's message for one disruption: the generate-messages task's output per passenger. */
export const PassengerMessageSchema = z.object({
  booking_id: z.string(),
  passenger_id: z.string(),
  message_type: MessageTypeSchema,
  segment: z.string(),
  generated_by: z.enum(['TEMPLATE', 'LLM']),
  deliveries: z.array(DeliverySchema),
});
export type PassengerMessage = z.infer<typeof PassengerMessageSchema>;

/**
 * The part of every workflow task payload that says what happened: the disruption kind and the
 * enriched bus detail (parsed per kind by `disruptionFrom`).
 */
export const DisruptionTaskInputSchema = z.object({
  kind: DisruptionKindSchema,
  detail: z.object({ event_id: z.string(), flight_id: z.string() }).loose(),
});
