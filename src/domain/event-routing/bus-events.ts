import { z } from 'zod';
import { DELAY_REASONS, REBOOKING_PRIORITIES } from '../disruptions/inbound-events.ts';
import { BookingIdSchema, BookingStatusSchema } from '../records/booking.ts';
import {
  AirportCodeSchema,
  FlightIdSchema,
  FlightStatusSchema,
  IsoDateTimeSchema,
} from '../records/flight.ts';
import { PassengerIdSchema } from '../records/passenger.ts';

/** The custom EventBridge bus every FlightPulse event travels on. */
export const EVENT_BUS_NAME = 'flightpulse-bus';

export const EVENT_SOURCES = {
  ingest: 'flightpulse.kafka-consumer',
  workflows: 'flightpulse.workflows',
  stream: 'flightpulse.stream-handler',
} as const;

export const DETAIL_TYPES = {
  delayMinor: 'flight.delay.minor',
  delayMajor: 'flight.delay.major',
  delaySevere: 'flight.delay.severe',
  cancelled: 'flight.cancelled',
  gateChange: 'flight.gate_change',
  flightStatusChanged: 'flight.status_changed',
  notificationEmail: 'notification.email',
  notificationSms: 'notification.sms',
  notificationPush: 'notification.push',
  deliveryStatusChanged: 'delivery.status_changed',
  bookingStatusChanged: 'booking.status_changed',
  rebookingNeeded: 'booking.rebooking_needed',
} as const;
export type DetailType = (typeof DETAIL_TYPES)[keyof typeof DETAIL_TYPES];

export const FlightDetailsSchema = z.object({
  origin: AirportCodeSchema,
  destination: AirportCodeSchema,
  original_departure: IsoDateTimeSchema,
  original_arrival: IsoDateTimeSchema,
  gate: z.string(),
});

/** Enriched delay event, as the specification writes it (plus the flight's gate and arrival). */
export const DelayDetailSchema = z.object({
  event_id: z.string(),
  flight_id: FlightIdSchema,
  delay_minutes: z.number().int().positive(),
  delay_category: z.enum(['MINOR', 'MAJOR', 'SEVERE']),
  reason: z.enum(DELAY_REASONS),
  reason_detail: z.string(),
  affected_passengers_count: z.number().int().min(0),
  new_departure: IsoDateTimeSchema,
  new_arrival: IsoDateTimeSchema,
  flight_details: FlightDetailsSchema,
  timestamp: IsoDateTimeSchema,
  /** A delay that reinstates a cancelled flight (the workflow's reinstatement path). */
  reinstated: z.literal(true).optional(),
});

export const CancelledDetailSchema = z.object({
  event_id: z.string(),
  flight_id: FlightIdSchema,
  reason: z.string(),
  reason_detail: z.string(),
  rebooking_priority: z.enum(REBOOKING_PRIORITIES),
  affected_passengers_count: z.number().int().min(0),
  flight_details: FlightDetailsSchema,
  timestamp: IsoDateTimeSchema,
});

export const GateChangeDetailSchema = z.object({
  event_id: z.string(),
  flight_id: FlightIdSchema,
  old_gate: z.string(),
  new_gate: z.string(),
  terminal_change: z.boolean(),
  affected_passengers_count: z.number().int().min(0),
  flight_details: FlightDetailsSchema,
  timestamp: IsoDateTimeSchema,
});

/** Channels a notification can leave on; push is used when the passenger has a device. */
export const CHANNELS = ['EMAIL', 'SMS', 'PUSH'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const MESSAGE_TYPES = [
  'DELAY_NOTIFICATION',
  'CANCELLATION_NOTIFICATION',
  'GATE_CHANGE_NOTIFICATION',
] as const;
export const MessageTypeSchema = z.enum(MESSAGE_TYPES);
export type MessageType = z.infer<typeof MessageTypeSchema>;

/**
 * What a notification says: a disruption's message, or the weather watch's heads-up ahead of a
 * possible disruption (sent by the watch itself, not composed per segment).
 */
export const NotificationTypeSchema = z.enum([
  ...MESSAGE_TYPES,
  'WEATHER_HEADS_UP',
  /** What became of a rebooking offer (sent by the rebooking workflows, per language). */
  'REBOOKING_NOTIFICATION',
]);

const NotificationBaseSchema = z.object({
  notification_id: z.string(),
  event_id: z.string(),
  flight_id: FlightIdSchema,
  booking_id: BookingIdSchema,
  passenger_id: PassengerIdSchema,
  message_type: NotificationTypeSchema,
  recipient: z.string(),
  body: z.string(),
  priority: z.enum(['IMMEDIATE', 'NORMAL']),
  generated_by: z.enum(['TEMPLATE', 'LLM']),
  segment: z.string(),
  created_at: IsoDateTimeSchema,
  /** The channels this message is planned on for the passenger (fallback skips them). */
  planned_channels: z.array(z.enum(['EMAIL', 'SMS', 'PUSH'])).optional(),
  /** The same message for the other channels, used when this one cannot be delivered. */
  alternates: z
    .object({
      email: z.object({ subject: z.string(), body: z.string() }).optional(),
      short: z.string().max(160).optional(),
    })
    .optional(),
  /** Set on a fallback delivery: the notification that could not be delivered. */
  fallback_from: z.string().optional(),
  /** The send step claimed it before sending: its record exists already. */
  claimed: z.literal(true).optional(),
});

export const EmailNotificationDetailSchema = NotificationBaseSchema.extend({
  channel: z.literal('EMAIL'),
  subject: z.string().min(1),
});
export const SmsNotificationDetailSchema = NotificationBaseSchema.extend({
  channel: z.literal('SMS'),
  body: z.string().min(1).max(160),
});
export const PushNotificationDetailSchema = NotificationBaseSchema.extend({
  channel: z.literal('PUSH'),
  subject: z.string().optional(),
  body: z.string().min(1).max(160),
});
export const NotificationDetailSchema = z.discriminatedUnion('channel', [
  EmailNotificationDetailSchema,
  SmsNotificationDetailSchema,
  PushNotificationDetailSchema,
]);

export const BookingStatusChangedDetailSchema = z.object({
  booking_id: BookingIdSchema,
  flight_id: FlightIdSchema,
  passenger_id: PassengerIdSchema,
  old_status: BookingStatusSchema.nullable(),
  new_status: BookingStatusSchema,
  changed_at: IsoDateTimeSchema,
});

export const FlightStatusChangedDetailSchema = z.object({
  flight_id: FlightIdSchema,
  old_status: FlightStatusSchema.nullable(),
  new_status: FlightStatusSchema,
  gate: z.string(),
  delay_minutes: z.number().int().min(0),
  changed_at: IsoDateTimeSchema,
});

export const RebookingNeededDetailSchema = z.object({
  event_id: z.string(),
  flight_id: FlightIdSchema,
  rebooking_priority: z.enum(REBOOKING_PRIORITIES),
  bookings_affected: z.number().int().min(0),
  timestamp: IsoDateTimeSchema,
});

export type DelayDetail = z.infer<typeof DelayDetailSchema>;
export type CancelledDetail = z.infer<typeof CancelledDetailSchema>;
export type GateChangeDetail = z.infer<typeof GateChangeDetailSchema>;
export type DisruptionDetail = DelayDetail | CancelledDetail | GateChangeDetail;
export type FlightDetails = z.infer<typeof FlightDetailsSchema>;
export type NotificationDetail = z.infer<typeof NotificationDetailSchema>;
export type BookingStatusChangedDetail = z.infer<typeof BookingStatusChangedDetailSchema>;
export type FlightStatusChangedDetail = z.infer<typeof FlightStatusChangedDetailSchema>;

/** An entry for the bus, shaped like EventBridge's PutEvents entry but with a parsed detail. */
export interface BusEntry {
  source: string;
  detailType: string;
  detail: Record<string, unknown>;
}
