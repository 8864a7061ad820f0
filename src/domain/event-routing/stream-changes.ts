import { type BusEntry, DETAIL_TYPES, EVENT_SOURCES } from './bus-events.ts';

/** One changed item as a DynamoDB stream sees it, already unmarshalled. */
export interface ItemChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  oldImage?: Record<string, unknown>;
  newImage?: Record<string, unknown>;
  approximateCreationTime: string;
}

function isEntity(image: Record<string, unknown> | undefined, prefix: string): boolean {
  return (
    typeof image?.PK === 'string' &&
    image.PK.startsWith(prefix) &&
    image.SK === SECONDARY_EVENT_ITEMS.sortKey
  );
}

/** The items whose changes can raise a secondary event: a booking's or a flight's own item. */
export const SECONDARY_EVENT_ITEMS = {
  partitionPrefixes: ['BOOKING#', 'FLIGHT#'],
  sortKey: 'METADATA',
} as const;

/**
 * Whether a change to the item under this key can raise a secondary event. A change feed may
 * leave every other item's writes out (the local tap does; in AWS the event source filters).
 */
export function raisesSecondaryEvents(key: { PK: unknown; SK: unknown }): boolean {
  return SECONDARY_EVENT_ITEMS.partitionPrefixes.some((prefix) => isEntity(key, prefix));
}

/**
 * The secondary events a change raises: a booking whose status changed raises
 * booking.status_changed; a flight whose status changed raises flight.status_changed.
 */
export function secondaryEvents(change: ItemChange): BusEntry[] {
  const { oldImage, newImage } = change;
  // Inserts (seeding, new bookings) and removals are not status changes.
  if (change.eventName !== 'MODIFY' || !newImage) return [];
  const oldStatus = (key: string) => (oldImage?.[key] as string | undefined) ?? null;
  if (isEntity(newImage, 'BOOKING#')) {
    if (oldStatus('booking_status') === newImage.booking_status) return [];
    return [
      {
        source: EVENT_SOURCES.stream,
        detailType: DETAIL_TYPES.bookingStatusChanged,
        detail: {
          booking_id: newImage.booking_id,
          flight_id: newImage.flight_id,
          passenger_id: newImage.passenger_id,
          old_status: oldStatus('booking_status'),
          new_status: newImage.booking_status,
          changed_at: change.approximateCreationTime,
        },
      },
    ];
  }
  if (isEntity(newImage, 'FLIGHT#')) {
    if (oldStatus('status') === newImage.status) return [];
    return [
      {
        source: EVENT_SOURCES.stream,
        detailType: DETAIL_TYPES.flightStatusChanged,
        detail: {
          flight_id: newImage.flight_id,
          old_status: oldStatus('status'),
          new_status: newImage.status,
          gate: newImage.gate,
          delay_minutes: newImage.delay_minutes ?? 0,
          changed_at: change.approximateCreationTime,
        },
      },
    ];
  }
  return [];
}
