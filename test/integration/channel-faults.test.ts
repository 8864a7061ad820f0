/**
 * Acceptance of the real channels under faults: the embedded SMTP server and the loopback
 * carrier fail 10% of delivery calls transiently (seeded, so a failure can be replayed) and
 * bounce chosen recipients — an e-mail address, a phone number and a device — while a
 * cancellation wave of a generated wide-body flight and the specification's scenarios 1–5 are
 * told. Counted at the receiving side: every passenger is reached on a channel they accept,
 * bounces fall back to the next accepted channel, nothing arrives twice, and every status in
 * GET /notifications is what the provider said.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedItems } from '../../src/adapters/dynamodb/seed-items.ts';
import {
  bookingItems,
  flightItem,
  passengerItem,
} from '../../src/adapters/dynamodb/table/table-items.ts';
import type { NotificationRecord } from '../../src/domain/delivery/notification-record.ts';
import type { Booking } from '../../src/domain/records/booking.ts';
import type { Flight } from '../../src/domain/records/flight.ts';
import type { Passenger } from '../../src/domain/records/passenger.ts';
import { loadConfig } from '../../src/runtime/config.ts';
import { type LocalRuntime, startLocalRuntime } from '../../src/runtime/local-runtime.ts';
import { loadSampleData } from '../../src/runtime/sample-data.ts';
import { buildEvent } from '../../src/simulator/build-event.ts';
import { type AirlineDay, generateAirlineDay } from '../../src/simulator/generate-airline-day.ts';
import { buildScenario, feedRecord, SCENARIO_IDS } from '../../src/simulator/scenarios.ts';

const SPEC_SCENARIOS = SCENARIO_IDS.filter((id) => id <= 5);
const BOUNCING_TOKEN = 'fcm-token-of-an-uninstalled-app-0001';

let runtime: LocalRuntime;
let dataDir: string;
let day: AirlineDay;
let wave: Flight;
let bounced: { email: string; phone: string; device: Passenger };
/** The endpoint the bouncing device was registered as. */
let bouncingEndpoint = '';
let records: NotificationRecord[];
const passengers = new Map<string, Passenger>();
const bookings = new Map<string, Booking>();

/** The generated flight with the most bookings: the wave. */
function widest(generated: AirlineDay): Flight {
  const count = new Map<string, number>();
  for (const b of generated.bookings) count.set(b.flight_id, (count.get(b.flight_id) ?? 0) + 1);
  const [id] = [...count].sort((a, b) => b[1] - a[1])[0] as [string, number];
  return generated.flights.find((f) => f.flight_id === id) as Flight;
}

/** Chooses who bounces: one address, one number and one device of passengers on the wave. */
function chooseBounces(): typeof bounced {
  const onWave = day.bookings
    .filter((b) => b.flight_id === wave.flight_id)
    .map((b) => passengers.get(b.passenger_id) as Passenger);
  const prefs = (p: Passenger) => p.notification_preferences;
  // Each also accepts another channel, so each is still reached; the phone's owner has no app
  // (with one, the short message would go by push, not SMS).
  const email = onWave.find((p) => prefs(p).email && prefs(p).sms) as Passenger;
  const phone = onWave.find(
    (p) => p !== email && prefs(p).sms && prefs(p).email && !prefs(p).push,
  ) as Passenger;
  const device = onWave.find(
    (p) => p !== email && p !== phone && prefs(p).push && prefs(p).sms,
  ) as Passenger;
  return { email: email.email, phone: phone.phone, device };
}

async function call(path: string, init: RequestInit & { token: string }): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${init.token}`);
  return runtime.app.request(path, { ...init, headers });
}

/** Every push-accepting passenger of the wave registers their app, as themself. */
async function registerDevices(): Promise<number> {
  let registered = 0;
  for (const booking of day.bookings.filter((b) => b.flight_id === wave.flight_id)) {
    const passenger = passengers.get(booking.passenger_id) as Passenger;
    if (!passenger.notification_preferences.push) continue;
    const link = await runtime.identity.links.create({
      bookingId: booking.booking_id,
      passengerId: passenger.passenger_id,
      path: '/',
    });
    const token =
      passenger === bounced.device ? BOUNCING_TOKEN : `fcm-token-${passenger.passenger_id}-app`;
    const response = await call(`/passengers/${passenger.passenger_id}/devices`, {
      method: 'POST',
      token: link.token,
      body: JSON.stringify({ platform: 'FCM', token }),
    });
    if (response.status !== 201) throw new Error(`device registration ${response.status}`);
    if (passenger === bounced.device)
      bouncingEndpoint = ((await response.json()) as { endpoint: string }).endpoint;
    registered++;
  }
  return registered;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-channel-faults-'));
  day = generateAirlineDay({ flights: 8, passengers: 900, seed: 18, hubs: 1 });
  wave = widest(day);
  for (const p of [...loadSampleData().passengers, ...day.passengers])
    passengers.set(p.passenger_id, p);
  for (const b of [...loadSampleData().bookings, ...day.bookings]) bookings.set(b.booking_id, b);
  bounced = chooseBounces();
  runtime = await startLocalRuntime(
    loadConfig(
      {},
      {
        FLIGHTPULSE_DATA_DIR: dataDir,
        LOG_LEVEL: 'SILENT',
        FLIGHTPULSE_MAX_EVENT_AGE_HOURS: '100000',
        DELIVERY_TRANSIENT_FAILURE_RATE: '0.1',
        DELIVERY_FAULT_SEED: '18',
        DELIVERY_BOUNCE_ADDRESSES: [bounced.email, bounced.phone, BOUNCING_TOKEN].join(','),
      },
    ),
  );
  await runtime.seed();
  await seedItems(runtime.doc, runtime.tableName, [
    ...day.flights.map(flightItem),
    ...day.passengers.map(passengerItem),
    ...day.bookings.flatMap((b) => bookingItems(b)),
  ]);
  expect(await registerDevices()).toBeGreaterThan(5);
  await tellTheWave();
  records = await allNotifications();
  const totals = runtime.metrics.summary().totals;
  console.info(
    `channel faults: ${records.length} notifications (${records.filter((r) => r.flight_id === wave.flight_id).length} on ${wave.flight_id}), ${totals.DeliveryRetries ?? 0} transient failures retried, ${records.filter((r) => r.status === 'BOUNCED').length} bounced, ${records.filter((r) => r.fallback_from).length} fallbacks, ${runtime.inboxes.mail.length} e-mails and ${runtime.inboxes.handset.length} SMS/push received`,
  );
}, 240_000);

afterAll(async () => {
  await runtime?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The wave's cancellation, then scenarios 1–5, each let to settle. */
async function tellTheWave(): Promise<void> {
  const admin = await runtime.identity.staffToken('admin');
  const produce = async (body: unknown) => {
    const response = await call('/feed/flight-operations', {
      method: 'POST',
      token: admin,
      body: JSON.stringify(body),
    });
    if (response.status !== 202) throw new Error(`feed answered ${response.status}`);
    const failures = await runtime.idle();
    if (failures.length > 0) throw new AggregateError(failures, 'background work failed');
  };
  await produce([
    buildEvent(
      { eventType: 'FLIGHT_CANCELLED', flightId: wave.flight_id, reason: 'WEATHER' },
      wave,
      randomUUID(),
      new Date().toISOString(),
    ),
  ]);
  const flights = new Map(loadSampleData().flights.map((f) => [f.flight_id, f]));
  for (const id of SPEC_SCENARIOS) {
    const scenario = buildScenario(id, { flights, newId: randomUUID, now: new Date() });
    await produce({ records: scenario.records.map(feedRecord) });
  }
}

async function allNotifications(): Promise<NotificationRecord[]> {
  const agent = await runtime.identity.staffToken('agent');
  const flightIds = [wave.flight_id, ...loadSampleData().flights.map((f) => f.flight_id)];
  const all: NotificationRecord[] = [];
  for (const flightId of flightIds) {
    let cursor: string | null = null;
    do {
      const query: string = `flight_id=${flightId}&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await call(`/notifications?${query}`, { token: agent });
      const page = (await response.json()) as {
        notifications: NotificationRecord[];
        next_cursor: string | null;
      };
      all.push(...page.notifications);
      cursor = page.next_cursor;
    } while (cursor);
  }
  return all;
}

/** What the receiving side holds, by notification id: the mailbox and the handsets. */
function arrivals(): Map<string, Array<{ to: string; message_id?: string }>> {
  const byId = new Map<string, Array<{ to: string; message_id?: string }>>();
  const add = (id: string | undefined, arrival: { to: string; message_id?: string }) => {
    const key = id ?? '(no notification id)';
    byId.set(key, [...(byId.get(key) ?? []), arrival]);
  };
  for (const m of runtime.inboxes.mail)
    add(m.notification_id, { to: m.to, ...(m.message_id ? { message_id: m.message_id } : {}) });
  for (const m of runtime.inboxes.handset)
    add(m.notification_id, { to: m.to, message_id: m.message_id });
  return byId;
}

const delivered = (r: NotificationRecord) => r.status === 'SENT' || r.status === 'DELIVERED';

describe('real channels under transient faults and bounces', () => {
  it('retried transient failures: the seeded faults happened and cost nothing', () => {
    const totals = runtime.metrics.summary().totals;
    expect(totals.DeliveryRetries ?? 0).toBeGreaterThan(5);
    expect(records.filter((r) => r.flight_id === wave.flight_id).length).toBeGreaterThan(100);
    expect(records.every((r) => r.status !== 'QUEUED' && r.status !== 'FAILED')).toBe(true);
  });

  it('delivers every sent notification exactly once at the receiving side, and nothing else', () => {
    const received = arrivals();
    const problems: string[] = [];
    for (const r of records) {
      const got = received.get(r.notification_id) ?? [];
      const expected = delivered(r) ? 1 : 0;
      if (got.length !== expected) problems.push(`${r.notification_id} ${r.status} ${got.length}×`);
      for (const arrival of got)
        if (arrival.to !== r.recipient) problems.push(`${r.notification_id} went to ${arrival.to}`);
    }
    const recorded = new Set(records.map((r) => r.notification_id));
    for (const id of received.keys()) if (!recorded.has(id)) problems.push(`${id} unrecorded`);
    expect(problems).toEqual([]);
    expect(runtime.inboxes.handset.some((m) => m.channel === 'PUSH')).toBe(true);
  });

  it('shows in GET /notifications what the providers reported', () => {
    const received = arrivals();
    const problems: string[] = [];
    for (const r of records) {
      const arrival = received.get(r.notification_id)?.[0];
      if (delivered(r) && arrival?.message_id !== r.provider_message_id)
        problems.push(`${r.notification_id}: ${r.provider_message_id} ≠ ${arrival?.message_id}`);
      // The carrier reports every SMS it took as delivered; SMTP and push report nothing more.
      const status = r.channel === 'SMS' ? 'DELIVERED' : 'SENT';
      if (delivered(r) && r.status !== status) problems.push(`${r.notification_id} ${r.status}`);
    }
    const refused = records.filter((r) => r.status === 'BOUNCED');
    expect(refused.map((r) => r.recipient).sort()).toEqual(
      [bounced.email, bounced.phone, bouncingEndpoint].sort(),
    );
    expect(refused.every((r) => r.status_reason !== undefined)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('reaches every passenger on a channel they accept, falling back where one bounced', () => {
    const told = new Map<string, NotificationRecord[]>();
    for (const r of records.filter(delivered))
      told.set(r.booking_id, [...(told.get(r.booking_id) ?? []), r]);
    const unreached: string[] = [];
    const wrongChannel: string[] = [];
    for (const r of records) {
      const passenger = passengers.get(r.passenger_id) as Passenger;
      const prefs = passenger.notification_preferences;
      const accepts = { EMAIL: prefs.email, SMS: prefs.sms, PUSH: prefs.push }[r.channel];
      if (!accepts) wrongChannel.push(`${r.notification_id} on ${r.channel}`);
      if (!told.has(r.booking_id)) unreached.push(r.booking_id);
    }
    expect(wrongChannel).toEqual([]);
    expect(unreached).toEqual([]);
    // One notification per fact and channel: the same message never on one channel twice.
    const facts = records.filter(delivered).map((r) => r.notification_id);
    expect(new Set(facts).size).toBe(facts.length);
    // The device that bounced: the same short message went to the passenger's phone instead.
    const push = records.find((r) => r.recipient === bouncingEndpoint) as NotificationRecord;
    const fallback = records.find((r) => r.fallback_from === push.notification_id);
    expect(fallback).toMatchObject({
      channel: 'SMS',
      recipient: bounced.device.phone,
      body: push.body,
      status: 'DELIVERED',
    });
  });
});
