import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedItems } from '../../src/adapters/dynamodb/seed-items.ts';
import {
  bookingItems,
  flightItem,
  passengerItem,
} from '../../src/adapters/dynamodb/table/table-items.ts';
import type { ExecutionRecord } from '../../src/adapters/local/step-functions/local-executor.ts';
import { BOOKING_BATCH_SIZE, FIRST_BATCH_SIZE } from '../../src/domain/workflows/task-functions.ts';
import { LOCAL_MANIFEST_BUCKET } from '../../src/runtime/task-registry.ts';
import { buildEvent } from '../../src/simulator/build-event.ts';
import { type AirlineDay, generateAirlineDay } from '../../src/simulator/generate-airline-day.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';

const PASSENGERS = 230;
let stack: LocalStack;
let day: AirlineDay;
let run: ExecutionRecord | undefined;

beforeAll(async () => {
  stack = await startLocalStack();
  day = generateAirlineDay({ flights: 1, passengers: PASSENGERS, seed: 17, hubs: 1 });
  await seedItems(stack.runtime.doc, stack.runtime.tableName, [
    ...day.flights.map(flightItem),
    ...day.passengers.map(passengerItem),
    ...day.bookings.flatMap((b) => bookingItems(b)),
  ]);
  const [flight] = day.flights;
  await stack.produce([
    buildEvent(
      { eventType: 'FLIGHT_CANCELLED', flightId: flight?.flight_id ?? '', reason: 'WEATHER' },
      flight,
      randomUUID(),
      '2025-01-15T05:00:00Z',
    ),
  ]);
  run = stack.runtime.executions.find((e) => e.state_machine === 'FlightPulseCancellationWorkflow');
}, 180_000);
afterAll(() => stack.stop());

describe('a flight of several batches, through the Distributed Maps', () => {
  // A small first batch, then batches of 50.
  const batches = 1 + Math.ceil((PASSENGERS - FIRST_BATCH_SIZE) / BOOKING_BATCH_SIZE);

  it('runs a child execution per batch of the manifest, recorded with the run', () => {
    expect(run?.status).toBe('SUCCEEDED');
    const child = {
      ...{ items: batches, succeeded: batches, failed: 0, aborted: 0, failures: [] },
      largest_payload_bytes: expect.any(Number),
    };
    // Each child's transitions: one state marking, four processing (read, judge, compose, send).
    expect(run?.map_runs).toEqual([
      {
        ...{ state: 'MarkBookingsForRebooking', label: 'MarkBookingsForRebooking', ...child },
        state_transitions: batches,
      },
      {
        ...{ state: 'ProcessNotifications', label: 'ProcessNotifications', ...child },
        state_transitions: batches * 4,
      },
    ]);
    expect(run?.steps.find((s) => s.name === 'SendNotifications')?.entered).toBe(batches);
    // Every state's input and output, parent and children, within Step Functions' 256 KB.
    const largest = [
      run?.largest_payload_bytes,
      ...(run?.map_runs ?? []).map((m) => m.largest_payload_bytes),
    ];
    for (const bytes of largest) expect(bytes).toBeGreaterThan(0);
    for (const bytes of largest) expect(bytes).toBeLessThan(256 * 1024);
  });

  it("wrote every booking once into the run's manifest, in batches", () => {
    const flightId = day.flights[0]?.flight_id;
    const manifest = JSON.parse(
      readFileSync(
        join(
          ...[stack.dataDir, 'objects', LOCAL_MANIFEST_BUCKET, 'manifests'],
          ...[`${flightId}`, `${run?.execution_name}.json`],
        ),
        'utf8',
      ),
    ) as Array<{ booking_ids: string[] }>;
    expect(manifest).toHaveLength(batches);
    expect(manifest[0]?.booking_ids).toHaveLength(FIRST_BATCH_SIZE);
    expect(manifest.flatMap((b) => b.booking_ids).sort()).toEqual(
      day.bookings.map((b) => b.booking_id).sort(),
    );
  });

  it('tells every passenger once on each channel they accept', () => {
    const sent = stack.runtime.busEvents
      .filter((e) => e['detail-type'].startsWith('notification.'))
      .map((e) => e.detail as { booking_id: string; channel: string; flight_id: string })
      .filter((d) => d.flight_id === day.flights[0]?.flight_id);
    const keys = sent.map((d) => `${d.booking_id}:${d.channel}`);
    expect(new Set(keys).size).toBe(keys.length);
    const prefs = new Map(day.passengers.map((p) => [p.passenger_id, p.notification_preferences]));
    const reachable = day.bookings.filter((b) => {
      const p = prefs.get(b.passenger_id);
      return p?.email || p?.sms;
    });
    expect(reachable.length).toBeGreaterThan(PASSENGERS * 0.9);
    expect(new Set(sent.map((d) => d.booking_id))).toEqual(
      new Set(reachable.map((b) => b.booking_id)),
    );
  });
});
