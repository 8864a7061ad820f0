import { randomUUID } from 'node:crypto';
import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { DynamoDbBookingStore } from '../adapters/dynamodb/dynamodb-booking-store.ts';
import { DynamoDbFlightStore } from '../adapters/dynamodb/dynamodb-flight-store.ts';
import { SingleTable } from '../adapters/dynamodb/single-table.ts';
import { createMessenger } from '../adapters/llm/create-messenger.ts';
import { LlmMessenger } from '../adapters/llm/llm-messenger.ts';
import { InMemoryMetrics } from '../adapters/local/cloudwatch/in-memory-metrics.ts';
import { disruptionFrom } from '../domain/disruptions/disruption.ts';
import { enrichEvent } from '../domain/disruptions/enrich-event.ts';
import type { InboundEvent } from '../domain/disruptions/inbound-events.ts';
import type { Booking } from '../domain/records/booking.ts';
import type { Flight } from '../domain/records/flight.ts';
import type { Passenger } from '../domain/records/passenger.ts';
import { createGenerateMessages } from '../handlers/generate-messages.ts';
import { loadConfig } from '../runtime/config.ts';
import { loadSampleData } from '../runtime/sample-data.ts';
import { buildEvent } from '../simulator/build-event.ts';
import { enumFlag, intFlag } from './flag-values.ts';
import { CommandFailure, UsageError } from './usage-error.ts';
import { withStore } from './with-store.ts';

const TYPES = {
  DELAY: 'FLIGHT_DELAY',
  CANCELLATION: 'FLIGHT_CANCELLED',
  GATE_CHANGE: 'GATE_CHANGE',
} as const;

interface MessagesFlags {
  flight?: string | undefined;
  type?: string | undefined;
  delayMinutes?: string | undefined;
  newGate?: string | undefined;
  terminalChange?: boolean | undefined;
  dataDir?: string | undefined;
}

/**
 * `flightpulse messages`: the messages each passenger of a flight would receive for a
 * disruption, composed by the configured provider, and how many segments and model calls it took.
 */
export async function messagesCommand(
  env: Record<string, string | undefined>,
  flags: MessagesFlags,
): Promise<void> {
  const type = enumFlag('type', flags.type, Object.keys(TYPES) as Array<keyof typeof TYPES>);
  if (!type) throw new UsageError('--type is required: one of DELAY, CANCELLATION, GATE_CHANGE');
  if (!flags.flight) throw new UsageError('--flight is required (e.g. SW1234)');
  const config = loadConfig(
    { LOG_LEVEL: 'SILENT', ...env },
    flags.dataDir ? { FLIGHTPULSE_DATA_DIR: flags.dataDir } : {},
  );
  const { flight, recipients, source } = await readFlight(config, flags.flight);
  const event = buildEvent(
    {
      eventType: TYPES[type],
      flightId: flight.flight_id,
      delayMinutes: intFlag('delay-minutes', flags.delayMinutes, 45, 1, 1440),
      newGate: flags.newGate ?? 'D15',
      terminalChange: flags.terminalChange === true,
    },
    flight,
    randomUUID(),
    new Date().toISOString(),
  ) as InboundEvent;
  const entry = enrichEvent(event, flight, recipients.length);
  const disruption = disruptionFrom(type, entry.detail);
  const messenger = await createMessenger(config.llm, config.AWS_REGION);
  const metrics = new InMemoryMetrics({ now: () => new Date().toISOString() });
  const log = {
    info: () => {},
    warn: (m: string, ...x: object[]) => console.error(`warning: ${m}`, ...x),
    error: () => {},
  };
  const generate = createGenerateMessages({ messenger, metrics, log });
  const { messages } = await generate({ kind: type, detail: disruption.detail, recipients });

  console.log(
    `${entry.detailType} for ${flight.flight_id} ${flight.origin}→${flight.destination} (${source}), composer: ${messenger instanceof LlmMessenger ? messenger.provider : 'templates'}\n`,
  );
  for (const message of messages) {
    const r = recipients.find((x) => x.booking.booking_id === message.booking_id);
    console.log(
      `── ${r?.passenger.first_name} ${r?.passenger.last_name} · ${r?.passenger.tier} · ${r?.passenger.language} · booking ${message.booking_id} · segment ${message.segment} · by ${message.generated_by}`,
    );
    for (const d of message.deliveries) {
      console.log(
        d.channel === 'EMAIL'
          ? `EMAIL to ${d.recipient}\nSubject: ${d.subject}\n${d.body}\n`
          : `SMS to ${d.recipient} (${d.body.length} chars, ${d.priority})\n${d.body}\n`,
      );
    }
  }
  const untold = recipients.length - messages.length;
  const segments = new Set(messages.map((m) => m.segment)).size;
  const calls = messenger instanceof LlmMessenger ? messenger.calls : 0;
  console.log(
    `${recipients.length} passengers${untold ? ` (${untold} accept neither email nor SMS)` : ''}, ${segments} segments, ${calls} model calls`,
  );
}

async function readFlight(
  config: ReturnType<typeof loadConfig>,
  flightId: string,
): Promise<{
  flight: Flight;
  recipients: Array<{ booking: Booking; passenger: Passenger }>;
  source: string;
}> {
  const stored = await withStore(
    config,
    async (client, target) => {
      const table = new SingleTable(createDocumentClient(client), config.TABLE_NAME);
      const flightStore = new DynamoDbFlightStore(table);
      const flight = await flightStore.getFlight(flightId);
      if (!flight) return undefined;
      const store = new DynamoDbBookingStore(table);
      const refs = await flightStore.listFlightBookings(flightId);
      const bookings = await store.getBookings(refs.map((r) => r.booking_id));
      const passengers = new Map(
        (await store.getPassengers(bookings.map((b) => b.passenger_id))).map((p) => [
          p.passenger_id,
          p,
        ]),
      );
      const recipients = bookings.flatMap((booking) => {
        const passenger = passengers.get(booking.passenger_id);
        return passenger ? [{ booking, passenger }] : [];
      });
      return {
        flight,
        recipients,
        source: target.viaServer ? "from the running server's store" : 'from the store',
      };
    },
    false,
    'messages',
  );
  if (stored) return stored;
  // Not in the store (nothing seeded yet): the sample data holds the specification's flights.
  const sample = loadSampleData();
  const flight = sample.flights.find((f) => f.flight_id === flightId);
  if (!flight)
    throw new CommandFailure(`flight ${flightId} is neither in the store nor in the sample data`);
  const recipients = sample.bookings
    .filter((b) => b.flight_id === flightId)
    .map((booking) => ({
      booking,
      passenger: sample.passengers.find(
        (p) => p.passenger_id === booking.passenger_id,
      ) as Passenger,
    }));
  return { flight, recipients, source: 'from the sample data' };
}
