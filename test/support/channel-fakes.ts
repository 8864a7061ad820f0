import {
  FixedClock,
  InMemoryNotificationLog,
  InMemoryStores,
  RecordingPublisher,
  RecordingSender,
} from './fakes.ts';

/** What the send step needs to reach passengers, as fakes a test can look into. */
export interface ChannelFakes {
  publisher: RecordingPublisher;
  claims: InMemoryNotificationLog;
  sender: RecordingSender;
  bookings: InMemoryStores;
  clock: FixedClock;
}

/** The channels' dependencies: the ones given, fresh fakes (sample stores) for the rest. */
export function channelFakes(given: Partial<ChannelFakes> = {}): ChannelFakes {
  return {
    publisher: given.publisher ?? new RecordingPublisher(),
    claims: given.claims ?? new InMemoryNotificationLog(),
    sender: given.sender ?? new RecordingSender(),
    bookings: given.bookings ?? new InMemoryStores(),
    clock: given.clock ?? new FixedClock(),
  };
}
