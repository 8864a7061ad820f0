import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { KafkaFeedProducer } from '../adapters/kafka/kafka-feed-producer.ts';
import {
  CANCELLATION_REASONS,
  DELAY_REASONS,
  INBOUND_EVENT_TYPES,
  MAX_DELAY_MINUTES,
  REBOOKING_PRIORITIES,
} from '../domain/disruptions/inbound-events.ts';
import type { Flight } from '../domain/records/flight.ts';
import { loadSampleData } from '../runtime/sample-data.ts';
import { buildEvent, type ProduceOptions } from '../simulator/build-event.ts';
import {
  buildScenario,
  feedRecord,
  SCENARIO_IDS,
  type ScenarioRecord,
} from '../simulator/scenarios.ts';
import { awaitOutcome, type FinalOutcome, type Produced } from './await-outcomes.ts';
import { enumFlag, intFlag } from './flag-values.ts';
import { CommandFailure, UsageError } from './usage-error.ts';

/** How long `produce` and `scenario` wait for outcomes (ingest, then the workflow). */
const WAIT_MS = 120_000;

async function request<T>(
  target: Target,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  const url = `${target.url}${path}`;
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${await target.token()}`);
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch (error) {
    throw new CommandFailure(
      `cannot reach FlightPulse at ${new URL(url).origin} (${(error as Error).message}); is \`flightpulse start\` running?`,
    );
  }
  return { status: response.status, body: (await response.json()) as T };
}

/** Where produced records go: the running server's feed endpoint, or Kafka when KAFKA_BROKERS is set. */
export interface Target {
  url: string;
  kafka?: { brokers: string[]; topic: string };
  /** A bearer token for the server (FLIGHTPULSE_TOKEN, or an admin token of the local issuer). */
  token: () => Promise<string>;
  /** Wait for each record's outcome (the default); `--no-wait` turns it off. */
  wait?: boolean;
}

async function send(
  target: Target,
  records: Array<{ key: string | null; value: string }>,
): Promise<Array<{ partition: number; offset: string }>> {
  if (target.kafka) {
    const producer = new KafkaFeedProducer(target.kafka.brokers, target.kafka.topic, 3);
    try {
      return await producer.produce(records);
    } finally {
      await producer.close();
    }
  }
  const { status, body } = await request<{
    offsets?: Array<{ partition: number; offset: string }>;
    error?: string;
  }>(target, '/feed/flight-operations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ records }),
  });
  if (status !== 202)
    throw new CommandFailure(`the feed answered ${status}: ${JSON.stringify(body)}`);
  return body.offsets ?? [];
}

/** Produces the records, prints where they went and, unless told not to wait, what became of each. */
async function produce(
  target: Target,
  records: ScenarioRecord[],
  serverUp: boolean,
): Promise<Array<FinalOutcome | undefined>> {
  const feed = records.map(feedRecord);
  const offsets = await send(target, feed);
  const topic = target.kafka ? `Kafka ${target.kafka.topic}` : 'flight-operations';
  records.forEach((record, i) => {
    const at = offsets[i];
    const payload = 'event' in record ? (record.event.payload as { flight_id?: string }) : {};
    const what =
      'event' in record
        ? `${String(record.event.event_type)} ${payload?.flight_id ?? '(no flight)'} (${String(record.event.event_id)})`
        : `record keyed ${feed[i]?.key ?? '(no key)'}`;
    console.log(`produced ${what} → ${topic} partition ${at?.partition} offset ${at?.offset}`);
  });
  if (target.wait === false) return records.map(() => undefined);
  if (!serverUp) {
    console.log(`  (no FlightPulse server at ${target.url} to report the outcomes)`);
    return records.map(() => undefined);
  }
  const deadline = Date.now() + WAIT_MS;
  const produced: Produced[] = offsets.map((o, i) => ({ ...o, key: feed[i]?.key ?? null }));
  const outcomes = await Promise.all(produced.map((p) => awaitOutcome(target, p, deadline)));
  for (const outcome of outcomes) console.log(`  ${outcome.line}`);
  return outcomes;
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
      : (await request<{ flights: Flight[] }>(target, '/flights?limit=200')).body.flights;
  return new Map(flights.map((f) => [f.flight_id, f]));
}

/**
 * A hand-written event: inline JSON, `@file`, or `-` for standard input. It is sent as written,
 * keyed by `--flight-id` or the flight id it names, so ingest judges it and lists it under that flight.
 */
function handWritten(text: string, flightFlag: string | undefined): ScenarioRecord {
  let source = text;
  try {
    if (text === '-') source = readFileSync(0, 'utf8');
    else if (text.startsWith('@')) source = readFileSync(text.slice(1), 'utf8');
  } catch (error) {
    throw new UsageError(`--event: cannot read ${text} (${(error as Error).message})`);
  }
  let named: unknown;
  try {
    const event = JSON.parse(source) as { flight_id?: unknown; payload?: { flight_id?: unknown } };
    named = event?.payload?.flight_id ?? event?.flight_id;
  } catch {
    // Not JSON: ingest says so.
  }
  return { raw: source, key: flightFlag ?? (typeof named === 'string' ? named : null) };
}

function optionsFrom(values: Record<string, string | boolean | undefined>): ProduceOptions {
  const str = (name: string) => {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
  };
  const eventType = enumFlag('event-type', str('event-type'), INBOUND_EVENT_TYPES);
  if (!eventType)
    throw new UsageError(`--event-type is required: one of ${INBOUND_EVENT_TYPES.join(', ')}`);
  const flightId = str('flight-id');
  if (!flightId) throw new UsageError('--flight-id is required (e.g. SW1234)');
  const reasons = eventType === 'FLIGHT_CANCELLED' ? CANCELLATION_REASONS : DELAY_REASONS;
  const reason = enumFlag('reason', str('reason'), reasons);
  const priority = enumFlag('rebooking-priority', str('rebooking-priority'), REBOOKING_PRIORITIES);
  const detail = str('reason-detail');
  const oldGate = str('old-gate');
  const newGate = str('new-gate');
  return {
    eventType,
    flightId,
    delayMinutes: intFlag('delay-minutes', str('delay-minutes'), 30, 1, MAX_DELAY_MINUTES),
    ...(reason ? { reason } : {}),
    ...(detail !== undefined ? { reasonDetail: detail } : {}),
    ...(priority ? { rebookingPriority: priority } : {}),
    ...(oldGate !== undefined ? { oldGate } : {}),
    ...(newGate !== undefined ? { newGate } : {}),
    terminalChange: values['terminal-change'] === true,
  };
}

/**
 * `flightpulse produce`: one event, from flags or hand-written (`--event`). Resolves to false when
 * the event was rejected, ignored or its workflow failed.
 */
export async function produceCommand(
  target: Target,
  values: Record<string, string | boolean | undefined>,
): Promise<boolean> {
  const serverUp = await reachable(target.url);
  let record: ScenarioRecord;
  if (typeof values.event === 'string') {
    record = handWritten(
      values.event,
      typeof values['flight-id'] === 'string' ? values['flight-id'] : undefined,
    );
  } else {
    const options = optionsFrom(values);
    const flight = (await knownFlights(target, serverUp)).get(options.flightId);
    const eventId = typeof values['event-id'] === 'string' ? values['event-id'] : randomUUID();
    record = { event: buildEvent(options, flight, eventId, new Date().toISOString()) };
  }
  const [outcome] = await produce(target, [record], serverUp);
  return outcome === undefined || outcome.outcome === 'ACCEPTED' || outcome.outcome === 'DUPLICATE';
}

/**
 * `flightpulse scenario N`: one of the scenarios against a running server. Resolves to false when a
 * record's outcome differs from what the scenario expects (its deliberate bad records are expected).
 */
export async function scenarioCommand(
  target: Target,
  idText: string | undefined,
): Promise<boolean> {
  const id = Number(idText);
  if (!SCENARIO_IDS.includes(id))
    throw new UsageError(
      `scenario takes a number: one of ${SCENARIO_IDS.join(', ')} (got ${JSON.stringify(idText ?? null)})`,
    );
  const serverUp = await reachable(target.url);
  const flights = await knownFlights(target, serverUp);
  const scenario = buildScenario(id, { flights, newId: randomUUID, now: new Date() });
  console.log(`Scenario ${id}: ${scenario.title}`);
  // A scenario that acts (runs the weather watch, calls the API as operations) runs in the server.
  if (scenario.act) {
    if (!serverUp) throw new UsageError(`scenario ${id} needs a running server at ${target.url}`);
    const response = await fetch(`${target.url}/scenarios/${id}`, { method: 'POST' });
    console.log(
      `  ${response.status === 202 ? 'done' : `failed: ${response.status} ${await response.text()}`}`,
    );
    return response.status === 202;
  }
  const outcomes = await produce(target, scenario.records, serverUp);
  return outcomes.every((outcome, i) => {
    if (outcome === undefined) return true;
    const expected = scenario.records[i]?.expect ?? 'ACCEPTED';
    return (
      outcome.outcome === expected || (expected === 'ACCEPTED' && outcome.outcome === 'DUPLICATE')
    );
  });
}
