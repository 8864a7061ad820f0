/**
 * The interfaces handlers need from the world. Adapters implement them; a port never imports
 * an adapter.
 */

import type { NotificationRecord } from './domain/delivery/notification-record.ts';
import type { ProviderReceipt } from './domain/delivery/provider-receipt.ts';
import type { EventLogEntry, KafkaCoordinates } from './domain/disruptions/event-log-entry.ts';
import type { FlightOrder } from './domain/disruptions/flight-order.ts';
import type { InboundEvent } from './domain/disruptions/inbound-events.ts';
import type { StoredFlightOrder } from './domain/disruptions/judge-flight-events.ts';
import type { BusEntry, NotificationDetail } from './domain/event-routing/bus-events.ts';
import type { Principal, Role } from './domain/identity/roles.ts';
import type { MessageSegment } from './domain/messaging/message-segment.ts';
import type { MessageTemplate } from './domain/messaging/message-templates.ts';
import type { Booking, BookingStatus } from './domain/records/booking.ts';
import type { Flight, FlightStatus } from './domain/records/flight.ts';
import type { Passenger } from './domain/records/passenger.ts';
import type { Entitlement } from './domain/rights/entitlement.ts';
import type { ExecutionSummary } from './domain/workflows/execution.ts';

export type {
  EventLogEntry,
  EventOutcome,
  KafkaCoordinates,
} from './domain/disruptions/event-log-entry.ts';
export type { ExecutionSummary } from './domain/workflows/execution.ts';

/** A page of results and the opaque cursor of the next page, if any. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface BookingRef {
  booking_id: string;
  passenger_id: string;
  flight_id: string;
}

export interface FlightStore {
  getFlight(flightId: string): Promise<Flight | undefined>;
  /** Batch read; missing ids are left out. */
  getFlights(flightIds: string[]): Promise<Flight[]>;
  listFlightsByStatus(status: FlightStatus, page?: PageRequest): Promise<Page<Flight>>;
  listFlights(page?: PageRequest): Promise<Page<Flight>>;
  /** Every booking of a flight, from the flight → bookings lookup records. */
  listFlightBookings(flightId: string): Promise<BookingRef[]>;
  /** One page of a flight's bookings, read as a page (the API's list). */
  pageFlightBookings(flightId: string, page?: PageRequest): Promise<Page<BookingRef>>;
  countFlightBookings(flightId: string): Promise<number>;
  /** The booking counts kept for these flights (one batch read); a flight without one is left out. */
  keptBookingCounts(flightIds: string[]): Promise<Map<string, number>>;
}

export interface BookingStore {
  getBooking(bookingId: string): Promise<Booking | undefined>;
  getPassenger(passengerId: string): Promise<Passenger | undefined>;
  /** Batch reads; missing ids are left out. */
  getBookings(bookingIds: string[]): Promise<Booking[]>;
  getPassengers(passengerIds: string[]): Promise<Passenger[]>;
  listPassengerBookings(passengerId: string): Promise<BookingRef[]>;
  /** One page of a passenger's bookings, read as a page (the API's list). */
  pagePassengerBookings(passengerId: string, page?: PageRequest): Promise<Page<BookingRef>>;
  listBookingsByStatus(status: BookingStatus, page?: PageRequest): Promise<Page<Booking>>;
  /** Marks one booking NEEDS_REBOOKING; false when its status does not allow it (or it is already marked). */
  markNeedsRebooking(bookingId: string, at: string): Promise<boolean>;
}

export interface EventLog {
  /**
   * What ingest knows of a batch before judging it, read consistently: each flight's stored
   * order, and which of the event ids already reached an outcome (a RECEIVED claim written by an
   * earlier version that never finished does not count).
   */
  ingestState(
    flightIds: string[],
    eventIds: string[],
  ): Promise<{ orders: Map<string, StoredFlightOrder>; settled: Set<string> }>;
  /**
   * Writes each flight's new order if it is still `previous` (none: no order yet); the flights
   * another writer moved first are returned, to be read and judged again.
   */
  commitOrders(commits: OrderCommit[]): Promise<string[]>;
  /** Records ingested events with their outcome (ACCEPTED, STALE, SUPPRESSED), in batches. */
  settleEvents(events: SettledEvent[]): Promise<void>;
  /** Records a record that was rejected (dead-lettered, with its reason) or was a duplicate. */
  recordOutcome(entry: EventLogEntry): Promise<void>;
  /** The same for many records at once (BatchWriteItem); a refused batch throws. */
  recordOutcomes(entries: EventLogEntry[]): Promise<void>;
  /** Marks an accepted event that its workflow left alone, with the reason. */
  markIgnored(eventId: string, reason: string): Promise<void>;
  list(filter: { flightId?: string }, page?: PageRequest): Promise<Page<EventLogEntry>>;
}

/** A flight's order moved by one batch, written only if the stored one is still `previous`. */
export interface OrderCommit {
  flightId: string;
  next: StoredFlightOrder;
  previous: FlightOrder | undefined;
}

/** An ingested event and what became of it. */
export interface SettledEvent {
  event: InboundEvent;
  outcome: 'ACCEPTED' | 'STALE' | 'SUPPRESSED';
  detail_type?: string;
  reason?: string;
  received_at: string;
  kafka: KafkaCoordinates;
}

/** A workflow run recorded before its event is ACCEPTED, until it ends (AWS: the execution itself). */
export interface PendingRun {
  /** The run's execution name is derived from it: `<state machine>-<event_id>`. */
  event_id: string;
  /** The bus entry that starts the run, published again on resume. */
  entry: BusEntry;
  recorded_at: string;
  /** When the re-drive last published it again. */
  redriven_at?: string;
}

export interface RunLedger {
  /** Records runs before their events count as ACCEPTED (in batches). */
  recordPending(runs: PendingRun[]): Promise<void>;
  pending(): Promise<PendingRun[]>;
  /** Notes a re-drive; a run finished meanwhile stays finished. */
  markRedriven(eventId: string, at: string): Promise<void>;
}

/**
 * Notification claims and delivery status: the passenger-visible fact is claimed (QUEUED) before
 * it is sent, and its status only moves forward (SENT, then DELIVERED, BOUNCED or FAILED).
 */
/**
 * 'claimed' the first time; 'resend' when this event claimed it before but it was never marked
 * SENT (a crash between send and mark); 'taken' when it was sent or another event holds it.
 */
export type ClaimVerdict = 'claimed' | 'resend' | 'taken';

export interface NotificationClaims {
  /** Claims each notification (in as few store calls as it can); one verdict each, in order. */
  claimAll(notifications: NotificationDetail[], at: string): Promise<ClaimVerdict[]>;
  markSent(notification: NotificationDetail, at: string, sent?: ProviderAcceptance): Promise<void>;
  markUndeliverable(
    notification: NotificationDetail,
    outcome: { status: 'BOUNCED' | 'FAILED'; reason: string },
    at: string,
  ): Promise<void>;
  /**
   * Applies a provider's delivery report; the record when its status moved, else undefined.
   * Throws UnknownProviderMessageError when no notification names the provider's message yet.
   */
  applyReceipt(receipt: ProviderReceipt): Promise<NotificationRecord | undefined>;
}

/** A provider took the message: which one, and the id its delivery reports will name. */
export interface ProviderAcceptance {
  provider: string;
  provider_message_id: string;
}

/** What became of one notification handed to the sender. */
export type SendResult =
  | ({ notification_id: string; outcome: 'SENT' } & ProviderAcceptance)
  | { notification_id: string; outcome: 'BOUNCED' | 'FAILED'; reason: string };

/**
 * The way out to passengers; it refuses a second send of the same notification id. A transient
 * provider failure that outlived its retries throws, so the whole step is retried later.
 */
export interface NotificationSender {
  /**
   * Sends each notification; `onResult`, when given, hears each one's result as soon as it is
   * known (so its mark need not wait for the whole batch), before the returned promise resolves.
   */
  send(
    notifications: NotificationDetail[],
    onResult?: (notification: NotificationDetail, result: SendResult) => void,
  ): Promise<SendResult[]>;
}

export interface NotificationLog {
  /** Records a notification once; false when it was already recorded. */
  record(notification: NotificationDetail, recordedAt: string): Promise<boolean>;
  list(
    filter: { flightId: string; bookingId?: string },
    page?: PageRequest,
  ): Promise<Page<NotificationRecord>>;
}

/** Entitlements computed in the workflows: per booking and flight, the latest event's. */
export interface EntitlementStore {
  /** Stores it unless a later event's entitlement is already stored; false when stale. */
  put(entitlement: Entitlement): Promise<boolean>;
  /**
   * Replaces the judgement of the same disruption (its rebooking changed); false when a later
   * event's entitlement is stored, none is, or its claim notice was already sent.
   */
  rejudge(entitlement: Entitlement): Promise<boolean>;
  listOfBooking(bookingId: string): Promise<Entitlement[]>;
  listOfFlight(flightId: string): Promise<Entitlement[]>;
  /** Unsent claim notices due by `dueBy` or later, soonest first. */
  listClaimNoticesDue(limit: number): Promise<Entitlement[]>;
  /** Records the notice as sent once; false when it already was (or the entitlement changed). */
  markClaimNoticeSent(entitlement: Entitlement, sentAt: string): Promise<boolean>;
}

export interface ExecutionLog {
  record(execution: ExecutionSummary): Promise<void>;
  list(flightId: string, page?: PageRequest): Promise<Page<ExecutionSummary>>;
}

/** A record the topic cannot take (Kafka's message.max.bytes); nothing of its request was produced. */
export class FeedRecordTooLargeError extends Error {
  override name = 'FeedRecordTooLargeError';
  readonly index: number;
  readonly bytes: number;
  readonly limit: number;

  constructor(index: number, bytes: number, limit: number) {
    super(`record ${index} is ${bytes} bytes; the topic takes at most ${limit}`);
    this.index = index;
    this.bytes = bytes;
    this.limit = limit;
  }
}

/** The feed's producer side: the embedded feed, or real Kafka with KAFKA_BROKERS. */
export interface FeedProducer {
  produce(
    records: Array<{ key: string | null; value: string; valueBase64?: string }>,
  ): Promise<Array<{ partition: number; offset: string }>>;
}

/**
 * Objects too large for a workflow's state (a run's booking manifest, read by a Distributed Map's
 * ItemReader): S3 in AWS, a directory under the data directory locally.
 */
export interface ObjectStore {
  put(bucket: string, key: string, body: string): Promise<void>;
  get(bucket: string, key: string): Promise<string>;
}

export interface EventPublisher {
  publish(entries: BusEntry[]): Promise<void>;
}

/** Composes the message of a segment, with placeholders; providers slot in behind it. */
export interface Messenger {
  readonly name: 'TEMPLATE' | 'LLM';
  composeSegment(segment: MessageSegment): Promise<MessageTemplate>;
}

export interface Clock {
  now(): string;
}

/** Counts the specification's custom metrics. */
export interface MetricsRecorder {
  count(name: MetricName, value?: number): void;
}

export type MetricName =
  | 'DelayEventsProcessed'
  | 'CancellationEventsProcessed'
  | 'GateChangeEventsProcessed'
  | 'NotificationsSent'
  | 'LLMInvocationsSuccess'
  | 'LLMInvocationsFailed'
  | 'WorkflowExecutions'
  | 'WorkflowRunsRedriven'
  | 'AffectedPassengers'
  | 'EventsRejected'
  | 'NotificationsPublished'
  | 'DeadLetterWriteFailed'
  | 'RebookingOffersCreated'
  | 'RebookingEscalations'
  | 'RebookingOffersBooked'
  | 'RebookingOptionTaken'
  | 'OptionGenerationMilliseconds'
  | 'NotificationsUndeliverable'
  | 'NotificationFallbacks'
  | 'DeliveryThrottled'
  | 'DeliveryRetries';

/** The slice of Powertools' Logger the handlers use. */
export interface Log {
  info(message: string, ...extra: Record<string, unknown>[]): void;
  warn(message: string, ...extra: Record<string, unknown>[]): void;
  error(message: string, ...extra: Record<string, unknown>[]): void;
}

/** Raw METAR and TAF per ICAO location indicator, as a weather source delivers them. */
export type WeatherReports = Map<
  string,
  import('./domain/weather/decode-airport-reports.ts').RawAirportReports
>;

/** Where METARs and TAFs come from: the aviationweather.gov Data API, or recorded files. */
export interface WeatherSource {
  /** The latest reports of each station as of `at` (a live source answers with the latest it has). */
  reports(stations: string[], at: string): Promise<WeatherReports>;
}

/** The weather assessment and the waiver kept on the flight record. */
export interface FlightWeatherStore {
  /** Writes the waiver once; answers the one already there if there is one. */
  saveWaiver(
    flightId: string,
    waiver: import('./domain/weather/flight-weather-record.ts').Waiver,
  ): Promise<import('./domain/weather/flight-weather-record.ts').Waiver>;
  saveWeather(
    flightId: string,
    weather: import('./domain/weather/flight-weather.ts').FlightWeather,
  ): Promise<void>;
}

/** Verifies a bearer token against the trusted issuers' JWKS: Cognito in AWS, the local issuer here. */
export interface TokenVerifier {
  /** The token's principal; throws when the token is missing its signature, expired or foreign. */
  verify(token: string): Promise<Principal>;
}

export interface TokenRequest {
  subject: string;
  roles: Role[];
  /** Seconds until the token expires. */
  ttlSeconds: number;
  /** Binds a passenger token to one booking. */
  booking?: { bookingId: string; passengerId: string };
}

/** Signs tokens that a {@link TokenVerifier} trusts; its public keys are published as a JWKS. */
export interface TokenIssuer {
  readonly issuer: string;
  issue(request: TokenRequest): Promise<string>;
  /** The public keys, as served at /.well-known/jwks.json. */
  jwks(): Promise<{ keys: Array<Record<string, unknown>> }>;
}

export type { PassengerLink, PassengerLinks } from './ports/passenger-links.ts';

/** The audit of one erasure: kept after the personal data is gone (GDPR Art. 17). */
export interface ErasureReceipt {
  passenger_id: string;
  erased_at: string;
  requested_by: string;
  bookings_pseudonymised: number;
  notifications_erased: number;
  /** Recorded changes of their channels and consents, deleted with the record they describe. */
  preference_changes_erased: number;
  log_lines_erased: number;
}

/** Erases a passenger's personal data where the store keeps it, keeping what counts need. */
export interface PassengerErasure {
  /** Erases the passenger record, their bookings' special requests and their message bodies. */
  erase(
    passengerId: string,
    bookings: Array<{ bookingId: string; flightId: string }>,
    request: { at: string; by: string; logLinesErased: number },
  ): Promise<ErasureReceipt>;
  receiptOf(passengerId: string): Promise<ErasureReceipt | undefined>;
}

/** Log files the system writes itself (the local stand-in for log groups): lines about a passenger go. */
export interface LogScrubber {
  /** Removes the personal fields of every line about the passenger; returns how many lines changed. */
  scrub(passengerId: string): Promise<number>;
}
