import { canMoveTo, type DeliveryStatus } from '../../src/domain/delivery/delivery-status.ts';
import type { NotificationRecord } from '../../src/domain/delivery/notification-record.ts';
import {
  type ProviderReceipt,
  UnknownProviderMessageError,
} from '../../src/domain/delivery/provider-receipt.ts';
import type { BusEntry, NotificationDetail } from '../../src/domain/event-routing/bus-events.ts';
import type { Booking, BookingStatus } from '../../src/domain/records/booking.ts';
import type { Flight, FlightStatus } from '../../src/domain/records/flight.ts';
import type { Passenger } from '../../src/domain/records/passenger.ts';
import type {
  BookingRef,
  BookingStore,
  ClaimVerdict,
  Clock,
  EventPublisher,
  FlightStore,
  Log,
  MetricName,
  MetricsRecorder,
  NotificationClaims,
  NotificationLog,
  NotificationSender,
  Page,
  ProviderAcceptance,
  SendResult,
} from '../../src/ports.ts';
import { sample } from './fixtures.ts';

/** In-memory stand-ins for the ports, for handler tests that need no store or bus. */

export class FixedClock implements Clock {
  private readonly at: string;
  constructor(at = '2025-01-15T12:00:00.000Z') {
    this.at = at;
  }
  now(): string {
    return this.at;
  }
}

export class RecordingPublisher implements EventPublisher {
  readonly published: BusEntry[] = [];
  async publish(entries: BusEntry[]): Promise<void> {
    this.published.push(...entries);
  }
}

export class CountingMetrics implements MetricsRecorder {
  readonly counts = new Map<MetricName, number>();
  count(name: MetricName, value = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + value);
  }
}

export class SilentLog implements Log {
  readonly lines: Array<{ level: string; message: string }> = [];
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
}

const page = <T>(items: T[]): Page<T> => ({ items });

/** Flights and bookings from the sample data `flightpulse seed` loads, held in maps. */
export class InMemoryStores implements FlightStore, BookingStore {
  readonly flights = new Map<string, Flight>(sample.flights.map((f) => [f.flight_id, { ...f }]));
  readonly bookings = new Map<string, Booking>(
    sample.bookings.map((b) => [b.booking_id, { ...b }]),
  );
  readonly passengers = new Map<string, Passenger>(
    sample.passengers.map((p) => [p.passenger_id, p]),
  );

  async getFlight(flightId: string) {
    return this.flights.get(flightId);
  }
  async getFlights(ids: string[]) {
    return ids.flatMap((id) => this.flights.get(id) ?? []);
  }
  async listFlightsByStatus(status: FlightStatus) {
    return page([...this.flights.values()].filter((f) => f.status === status));
  }
  async listFlights() {
    return page([...this.flights.values()]);
  }
  async listFlightBookings(flightId: string): Promise<BookingRef[]> {
    return [...this.bookings.values()]
      .filter((b) => b.flight_id === flightId)
      .map(({ booking_id, passenger_id, flight_id }) => ({ booking_id, passenger_id, flight_id }));
  }
  async pageFlightBookings(flightId: string) {
    return page(await this.listFlightBookings(flightId));
  }
  async countFlightBookings(flightId: string) {
    return (await this.listFlightBookings(flightId)).length;
  }
  /** Keeps no counts: ingest counts the lookups, as for a flight stored without one. */
  async keptBookingCounts(_flightIds: string[]) {
    return new Map<string, number>();
  }
  async getBooking(bookingId: string) {
    return this.bookings.get(bookingId);
  }
  async getPassenger(passengerId: string) {
    return this.passengers.get(passengerId);
  }
  async getBookings(ids: string[]) {
    return ids.flatMap((id) => this.bookings.get(id) ?? []);
  }
  async getPassengers(ids: string[]) {
    return ids.flatMap((id) => this.passengers.get(id) ?? []);
  }
  async listPassengerBookings(passengerId: string): Promise<BookingRef[]> {
    return [...this.bookings.values()]
      .filter((b) => b.passenger_id === passengerId)
      .map(({ booking_id, passenger_id, flight_id }) => ({ booking_id, passenger_id, flight_id }));
  }
  async pagePassengerBookings(passengerId: string) {
    return page(await this.listPassengerBookings(passengerId));
  }
  async listBookingsByStatus(status: BookingStatus) {
    return page([...this.bookings.values()].filter((b) => b.booking_status === status));
  }
  async markNeedsRebooking(bookingId: string): Promise<boolean> {
    const booking = this.bookings.get(bookingId);
    if (!booking || !['CONFIRMED', 'CHECKED_IN'].includes(booking.booking_status)) return false;
    this.bookings.set(bookingId, { ...booking, booking_status: 'NEEDS_REBOOKING' });
    return true;
  }
}

/**
 * A sender that keeps what it sent, refusing a second send of one id (as the journal does);
 * recipients listed in `refuse` bounce, as a provider refusing them for good.
 */
export class RecordingSender implements NotificationSender {
  readonly sent: NotificationDetail[] = [];
  private readonly refuse: Set<string>;
  constructor(refuse: string[] = []) {
    this.refuse = new Set(refuse);
  }
  async send(notifications: NotificationDetail[]): Promise<SendResult[]> {
    return notifications.map((n) => {
      if (this.refuse.has(n.recipient)) {
        return {
          notification_id: n.notification_id,
          outcome: 'BOUNCED',
          reason: 'recipient refused',
        };
      }
      if (!this.sent.some((s) => s.notification_id === n.notification_id)) this.sent.push(n);
      return {
        notification_id: n.notification_id,
        outcome: 'SENT',
        provider: 'recording',
        provider_message_id: `m-${n.notification_id}`,
      };
    });
  }
}

export class InMemoryNotificationLog implements NotificationLog, NotificationClaims {
  readonly records = new Map<string, NotificationRecord>();
  readonly status = new Map<string, { status: DeliveryStatus; event_id: string }>();
  private readonly byProviderId = new Map<string, string>();

  async claimAll(notifications: NotificationDetail[], at = ''): Promise<ClaimVerdict[]> {
    return notifications.map((n) => this.claimOne(n, at));
  }
  private claimOne(notification: NotificationDetail, at: string): ClaimVerdict {
    const held = this.status.get(notification.notification_id);
    if (!held) {
      this.status.set(notification.notification_id, {
        status: 'QUEUED',
        event_id: notification.event_id,
      });
      this.records.set(notification.notification_id, {
        ...notification,
        status: 'QUEUED',
        queued_at: at,
      });
      return 'claimed';
    }
    return held.status === 'QUEUED' && held.event_id === notification.event_id ? 'resend' : 'taken';
  }
  async markSent(notification: NotificationDetail, at = '', sent?: ProviderAcceptance) {
    if (sent) this.byProviderId.set(sent.provider_message_id, notification.notification_id);
    this.move(notification.notification_id, 'SENT', at, { ...(sent ?? {}), sent_at: at });
  }
  async markUndeliverable(
    notification: NotificationDetail,
    outcome: { status: 'BOUNCED' | 'FAILED'; reason: string },
    at: string,
  ) {
    this.move(notification.notification_id, outcome.status, at, { status_reason: outcome.reason });
  }
  async applyReceipt(receipt: ProviderReceipt) {
    const id = this.byProviderId.get(receipt.provider_message_id);
    if (id === undefined)
      throw new UnknownProviderMessageError(`no notification for ${receipt.provider_message_id}`);
    return this.move(id, receipt.status, receipt.reported_at, {
      ...(receipt.reason ? { status_reason: receipt.reason } : {}),
    });
  }
  private move(id: string, to: DeliveryStatus, at: string, fields: Partial<NotificationRecord>) {
    const record = this.records.get(id);
    const held = this.status.get(id);
    if (!record || !held || !canMoveTo(held.status, to)) return undefined;
    held.status = to;
    const moved = { ...record, ...fields, status: to, status_at: at } as NotificationRecord;
    this.records.set(id, moved);
    return moved;
  }
  async record(notification: NotificationDetail): Promise<boolean> {
    if (this.records.has(notification.notification_id)) return false;
    this.records.set(notification.notification_id, { ...notification, status: 'SENT' });
    return true;
  }
  async list(filter: { flightId: string; bookingId?: string }) {
    return page(
      [...this.records.values()].filter(
        (n) =>
          n.flight_id === filter.flightId &&
          (filter.bookingId === undefined || n.booking_id === filter.bookingId),
      ),
    );
  }
}
