import { randomUUID } from 'node:crypto';
import { KafkaFeedProducer } from '../adapters/kafka/kafka-feed-producer.ts';
import { INBOUND_EVENT_TYPES } from '../domain/disruptions/inbound-events.ts';
import type { Flight } from '../domain/records/flight.ts';
import type { EventLogEntry } from '../ports.ts';
import { loadSampleData } from '../runtime/sample-data.ts';
import { buildEvent, type ProduceOptions } from '../simulator/build-event.ts';
import {
  buildScenario,
  feedRecord,
  SCENARIO_IDS,
  type ScenarioRecord,
} from '../simulator/scenarios.ts';
import { UsageError } from './usage-error.ts';

async function request<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new UsageError(
      `cannot reach FlightPulse at ${new URL(url).origin} (${(error as Error).message}); is \`flightpulse start\` running?`,
    );
  }
  return { status: response.status, body: (await response.json()) as T };
}

/** Where produced records go: the running server's feed endpoint, or Kafka when KAFKA_BROKERS is set. */
export interface Target {
  url: string;
  kafka?: { brokers: string[]; topic: string };
}

async function send(
  target: Target,
  records: ScenarioRecord[],
): Promise<Array<{ partition: number; offset: string }>> {
  if (target.kafka) {
    const producer = new KafkaFeedProducer(target.kafka.brokers, target.kafka.topic, 3);
    try {
      return await producer.produce(records.map(feedRecord));
    } finally {
      await producer.close();
    }
  }
  const { status, body } = await request<{
    offsets?: Array<{ partition: number; offset: string }>;
    error?: string;
  }>(`${target.url}/feed/flight-operations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ records: records.map(feedRecord) }),
  });
  if (status !== 202) throw new UsageError(`the feed answered ${status}: ${JSON.stringify(body)}`);
  return body.offsets ?? [];
}

async function produce(
  target: Target,
  records: ScenarioRecord[],
  serverUp: boolean,
): Promise<void> {
  const offsets = await send(target, records);
  const topic = target.kafka ? `Kafka ${target.kafka.topic}` : 'flight-operations';
  records.forEach((record, i) => {
    const at = offsets[i];
    const what =
      'event' in record
        ? `${record.event.event_type} ${(record.event.payload as { flight_id: string }).flight_id} (${record.event.event_id})`
        : 'raw record';
    console.log(`produced ${what} → ${topic} partition ${at?.partition} offset ${at?.offset}`);
  });
  if (serverUp) await reportOutcomes(target.url, offsets);
  else console.log(`  (no FlightPulse server at ${target.url} to report the outcomes)`);
}

async function reachable(url: string): Promise<boolean> {
  return fetch(`${url}/health`).then(
    (r) => r.ok,
    () => false,
  );
}

/** The flights, from the running server, or from the sample data when none answers (Kafka only). */
async function knownFlights(target: Target, serverUp: boolean): Promise<Map<string, Flight>> {
  const flights =
    target.kafka && !serverUp
      ? loadSampleData().flights
      : (await request<{ flights: Flight[] }>(`${target.url}/flights?limit=200`)).body.flights;
  return new Map(flights.map((f) => [f.flight_id, f]));
}

/** Waits briefly for the ingest outcome of each produced record (found by its offset) and prints it. */
async function reportOutcomes(
  url: string,
  offsets: Array<{ partition: number; offset: string }>,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { body } = await request<{ events: EventLogEntry[] }>(`${url}/events?limit=200`);
    const found = offsets.map(({ partition, offset }) =>
      body.events.find(
        (e) =>
          e.kafka?.partition === partition &&
          e.kafka.offset === offset &&
          e.outcome !== ('RECEIVED' as string),
      ),
    );
    if (found.every((entry) => entry !== undefined)) {
      for (const entry of found) {
        const what =
          entry?.event_id ?? `partition ${entry?.kafka.partition} offset ${entry?.kafka.offset}`;
        console.log(
          `  ${what}: ${entry?.outcome}${entry?.detail_type ? ` as ${entry.detail_type}` : ''}${entry?.reason ? ` (${entry.reason})` : ''}`,
        );
      }
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log('  (not every record was ingested within 10 s; see GET /events)');
}

/** `flightpulse produce`: one event, with the flags of the seed's producer. */
export async function produceCommand(
  target: Target,
  values: Record<string, string | boolean | undefined>,
): Promise<void> {
  const eventType = values['event-type'];
  const flightId = values['flight-id'];
  if (
    typeof eventType !== 'string' ||
    !(INBOUND_EVENT_TYPES as readonly string[]).includes(eventType)
  ) {
    throw new UsageError(`--event-type must be one of ${INBOUND_EVENT_TYPES.join(', ')}`);
  }
  if (typeof flightId !== 'string') throw new UsageError('--flight-id is required');
  const delay = values['delay-minutes'];
  const options: ProduceOptions = {
    eventType: eventType as ProduceOptions['eventType'],
    flightId,
    ...(typeof delay === 'string' ? { delayMinutes: Number(delay) } : {}),
    ...(typeof values.reason === 'string' ? { reason: values.reason } : {}),
    ...(typeof values['reason-detail'] === 'string'
      ? { reasonDetail: values['reason-detail'] }
      : {}),
    ...(typeof values['rebooking-priority'] === 'string'
      ? {
          rebookingPriority: values['rebooking-priority'] as ProduceOptions['rebookingPriority'] &
            string,
        }
      : {}),
    ...(typeof values['old-gate'] === 'string' ? { oldGate: values['old-gate'] } : {}),
    ...(typeof values['new-gate'] === 'string' ? { newGate: values['new-gate'] } : {}),
    terminalChange: values['terminal-change'] === true,
  };
  const serverUp = await reachable(target.url);
  const flight = (await knownFlights(target, serverUp)).get(flightId);
  const eventId = typeof values['event-id'] === 'string' ? values['event-id'] : randomUUID();
  const event = buildEvent(options, flight, eventId, new Date().toISOString());
  await produce(target, [{ event }], serverUp);
}

/** `flightpulse scenario N`: one of the scenarios (1–5 are the specification's), against a running server. */
export async function scenarioCommand(target: Target, idText: string | undefined): Promise<void> {
  const id = Number(idText);
  if (!SCENARIO_IDS.includes(id))
    throw new UsageError(`give a scenario number: ${SCENARIO_IDS.join(', ')}`);
  const serverUp = await reachable(target.url);
  const flights = await knownFlights(target, serverUp);
  const scenario = buildScenario(id, {
    flights,
    newId: randomUUID,
    now: new Date(),
  });
  console.log(`Scenario ${id}: ${scenario.title}`);
  await produce(target, scenario.records, serverUp);
}
