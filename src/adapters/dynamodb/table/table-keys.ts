/**
 * Single-table keys. Every entity and lookup record of FlightPulseTable gets its keys here and
 * nowhere else, so the access patterns stay in one readable place.
 */
export const TABLE_NAME = 'FlightPulseTable';
export const GSI1 = 'GSI1';
export const GSI2 = 'GSI2';
export const METADATA = 'METADATA';
/** The table's TTL attribute (epoch seconds): DynamoDB deletes items after it; locally the sweeper. */
export const TTL_ATTRIBUTE = 'ttl';

export interface TableKey {
  PK: string;
  SK: string;
}

export const keys = {
  flight: (flightId: string): TableKey => ({ PK: `FLIGHT#${flightId}`, SK: METADATA }),
  passenger: (passengerId: string): TableKey => ({ PK: `PASSENGER#${passengerId}`, SK: METADATA }),
  booking: (bookingId: string): TableKey => ({ PK: `BOOKING#${bookingId}`, SK: METADATA }),
  /** The audit record of a passenger's erasure (what was erased, when, at whose request). */
  erasure: (passengerId: string): TableKey => ({ PK: `ERASURE#${passengerId}`, SK: METADATA }),
  /** Flight → bookings lookup record. */
  flightBooking: (flightId: string, bookingId: string): TableKey => ({
    PK: `FLIGHT#${flightId}`,
    SK: `BOOKING#${bookingId}`,
  }),
  /** One recorded change of a passenger's preferences (consent history), by version. */
  preferenceChange: (passengerId: string, version: number): TableKey => ({
    PK: `PASSENGER#${passengerId}`,
    SK: `PREFERENCES#${String(version).padStart(8, '0')}`,
  }),
  /** Passenger → bookings lookup record. */
  passengerBooking: (passengerId: string, bookingId: string): TableKey => ({
    PK: `PASSENGER#${passengerId}`,
    SK: `BOOKING#${bookingId}`,
  }),
  /** One inbound event; its conditional put is what de-duplicates by event_id. */
  inboundEvent: (eventId: string): TableKey => ({ PK: `EVENT#${eventId}`, SK: METADATA }),
  /** A rejected or duplicate record, keyed by its Kafka coordinates so a redelivery rewrites the same item. */
  feedRecord: (topic: string, partition: number, offset: string): TableKey => ({
    PK: `RECORD#${topic}#${partition}#${offset}`,
    SK: METADATA,
  }),
  /** A notification, keyed by event + booking + channel: the same effect twice is one record. */
  notification: (
    flightId: string,
    bookingId: string,
    eventId: string,
    channel: string,
  ): TableKey => ({
    PK: `FLIGHT#${flightId}`,
    SK: `NOTIFICATION#${bookingId}#${eventId}#${channel}`,
  }),
  /** Provider message id → the notification it delivered (delivery reports name only the id). */
  providerMessage: (providerMessageId: string): TableKey => ({
    PK: `PROVIDER_MESSAGE#${providerMessageId}`,
    SK: METADATA,
  }),
  /** A workflow execution run for one event on one flight. */
  execution: (flightId: string, eventId: string, stateMachine: string): TableKey => ({
    PK: `FLIGHT#${flightId}`,
    SK: `EXECUTION#${eventId}#${stateMachine}`,
  }),
  /** What a booking is owed for the latest disruption of a flight (one item per booking and flight). */
  entitlement: (bookingId: string, flightId: string): TableKey => ({
    PK: `BOOKING#${bookingId}`,
    SK: `ENTITLEMENTS#${flightId}`,
  }),
  /**
   * How many booking lookup records a flight has, kept by the writes that add them: an item of its
   * own, so a rebooking's transaction never touches the flight item the workflows update.
   */
  flightBookingCount: (flightId: string): TableKey => ({
    PK: `FLIGHT#${flightId}`,
    SK: 'BOOKINGS',
  }),
  /** The newest event accepted for a flight: ingest moves it forward, never back. */
  flightOrder: (flightId: string): TableKey => ({ PK: `FLIGHT#${flightId}`, SK: 'ORDER' }),
  /** A notification claim, keyed by the passenger-visible fact (see notification-fact.ts). */
  notificationClaim: (flightId: string, bookingId: string, factKey: string): TableKey => ({
    PK: `FLIGHT#${flightId}`,
    SK: `NOTIFICATION#${bookingId}#${factKey}`,
  }),
  /** A workflow run recorded at acceptance and deleted when it ends; read on start to resume. */
  pendingRun: (eventId: string): TableKey => ({ PK: 'RUN#PENDING', SK: eventId }),
  /** An offer of new flights to one party. */
  offer: (offerId: string): TableKey => ({ PK: `OFFER#${offerId}`, SK: METADATA }),
  /** The first answer to an Idempotency-Key within a scope (an offer). */
  idempotency: (scope: string, key: string): TableKey => ({
    PK: `IDEMPOTENCY#${scope}`,
    SK: `KEY#${key}`,
  }),
  /** A pending offer expiry, sorted by time so the local scheduler reads only what is due. */
  offerExpiry: (at: string, offerId: string): TableKey => ({
    PK: 'SCHEDULE#OFFER_EXPIRY',
    SK: `${at}#${offerId}`,
  }),
  /** The embedded feed's offset counter for one topic partition. */
  feedPartition: (topic: string, partition: number): TableKey => ({
    PK: `FEED#${topic}`,
    SK: `PARTITION#${partition}`,
  }),
} as const;

export const prefixes = {
  booking: 'BOOKING#',
  notification: 'NOTIFICATION#',
  notificationsOfBooking: (bookingId: string) => `NOTIFICATION#${bookingId}#`,
  execution: 'EXECUTION#',
  entitlement: 'ENTITLEMENTS#',
  preferenceChange: 'PREFERENCES#',
} as const;

/** GSI1: flights by status, sorted by scheduled departure; also events by flight. */
export const gsi1 = {
  flightByStatus: (status: string, scheduledDeparture: string) => ({
    GSI1PK: status,
    GSI1SK: scheduledDeparture,
  }),
  /** Offers of a disrupted flight, by status. */
  offersOfFlight: (flightId: string, status: string, offerId: string) => ({
    GSI1PK: `OFFERS#${flightId}`,
    GSI1SK: `${status}#${offerId}`,
  }),
  eventsOfFlight: (flightId: string, receivedAt: string) => ({
    GSI1PK: `FLIGHT_EVENTS#${flightId}`,
    GSI1SK: receivedAt,
  }),
  entitlementsOfFlight: (flightId: string, bookingId: string) => ({
    GSI1PK: `FLIGHT_ENTITLEMENTS#${flightId}`,
    GSI1SK: bookingId,
  }),
} as const;

/** GSI2: bookings by status, sorted by creation time; also every event log entry by time. */
export const gsi2 = {
  bookingByStatus: (status: string, createdAt: string) => ({ GSI2PK: status, GSI2SK: createdAt }),
  eventLog: (receivedAt: string) => ({ GSI2PK: 'EVENT_LOG', GSI2SK: receivedAt }),
  /** Sparse: only entitlements whose claim notice is due and unsent, by due time. */
  claimNoticeDue: (dueBy: string) => ({ GSI2PK: 'CLAIM_NOTICE_DUE', GSI2SK: dueBy }),
  /** Every offer in one status (the agent queue: ESCALATED, PENDING_AGENT), oldest first. */
  offersByStatus: (status: string, createdAt: string) => ({
    GSI2PK: `OFFERS_BY_STATUS#${status}`,
    GSI2SK: createdAt,
  }),
} as const;

/** Strips the table's key attributes (and its TTL) from an item before it leaves the store. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, KeyAttribute> {
  const {
    PK: _pk,
    SK: _sk,
    GSI1PK: _a,
    GSI1SK: _b,
    GSI2PK: _c,
    GSI2SK: _d,
    ttl: _ttl,
    ...rest
  } = item;
  return rest;
}
type KeyAttribute = 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | typeof TTL_ATTRIBUTE;
