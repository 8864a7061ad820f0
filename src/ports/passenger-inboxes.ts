/**
 * What passengers received, as their own mailbox and phone show it. Locally the embedded SMTP
 * server and the loopback carrier fill it; in AWS there is none (the messages are on the
 * passengers' devices), so the console's mailbox and phone views are local only.
 */
export interface ReceivedMail {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The notification the message carries (the X-FlightPulse-Notification header). */
  notification_id?: string;
  /** The Message-ID header: what the sending provider reported as the message's id. */
  message_id?: string;
  received_at: string;
}

/** An SMS or push message as the passenger's handset received it. */
export interface ReceivedHandsetMessage {
  message_id: string;
  channel: 'SMS' | 'PUSH';
  to: string;
  body: string;
  title?: string;
  notification_id?: string;
  /** The sender's idempotency key: a second message with it is answered, not delivered. */
  idempotency_key?: string;
  received_at: string;
}

/** The inboxes in arrival order; readers copy, never change them. */
export interface PassengerInboxes {
  readonly mail: readonly ReceivedMail[];
  readonly handset: readonly ReceivedHandsetMessage[];
}
