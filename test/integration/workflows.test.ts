import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../src/adapters/dynamodb/document-client.ts';
import { seedItems } from '../../src/adapters/dynamodb/seed-items.ts';
import { flightItem } from '../../src/adapters/dynamodb/table/table-items.ts';
import { keys } from '../../src/adapters/dynamodb/table/table-keys.ts';
import type { NotificationDetail } from '../../src/domain/event-routing/bus-events.ts';
import { languagePack } from '../../src/domain/messaging/templates/language-packs.ts';
import type { Booking } from '../../src/domain/records/booking.ts';
import type { Flight } from '../../src/domain/records/flight.ts';
import { loadSampleData } from '../../src/runtime/sample-data.ts';
import { inboundEvent, passenger } from '../support/fixtures.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';

let stack: LocalStack;
beforeEach(async () => {
  stack = await startLocalStack();
});
afterEach(() => stack.stop());

const flight = async (id: string) => (await stack.get<Flight>(`/flights/${id}`)).body;
const sent = async (flightId: string, eventId: string) =>
  (
    await stack.get<{ notifications: NotificationDetail[] }>(
      `/notifications?flight_id=${flightId}&limit=200`,
    )
  ).body.notifications.filter((n) => n.event_id === eventId);
const runs = (name: string) => stack.runtime.executions.filter((e) => e.state_machine === name);
const at = (offsetSeconds: number) =>
  new Date(Date.parse('2025-01-15T06:00:00Z') + offsetSeconds * 1000).toISOString();

describe('FlightPulseDelayNotification', () => {
  it('records the delay and tells each passenger on the channels they accept', async () => {
    const event = inboundEvent(
      { eventType: 'FLIGHT_DELAY', flightId: 'SW5678', delayMinutes: 150, reason: 'CREW' },
      at(0),
    );
    await stack.produce([event]);
    const [run] = runs('FlightPulseDelayNotification');
    expect(run?.status).toBe('SUCCEEDED');
    expect(run?.steps.map((s) => s.name)).toEqual([
      'IsReinstatement',
      'UpdateFlightStatus',
      'GetAffectedBookings',
      'CheckBookingsExist',
      'GenerateRebookingOptions',
      'ProcessNotifications',
      'GetPassengerDetails',
      'ComputeEntitlements',
      'GeneratePersonalizedMessage',
      'SendNotifications',
      'CheckEveryBatch',
      'EveryBatchDone',
      'ForgetPendingRun',
      'WorkflowComplete',
    ]);
    expect(await flight('SW5678')).toMatchObject({
      status: 'DELAYED',
      delay_minutes: 150,
      delay_reason: 'CREW',
      estimated_departure: '2025-01-15T12:00:00-06:00',
    });
    const notifications = await sent('SW5678', event.event_id);
    for (const n of notifications) {
      const prefs = passenger(n.passenger_id).notification_preferences;
      expect(n.channel === 'EMAIL' ? prefs.email : prefs.sms).toBe(true);
    }
    expect(notifications.map((n) => `${n.booking_id}:${n.channel}`).sort()).toEqual(
      ['B005:EMAIL', 'B006:SMS', 'B007:EMAIL', 'B007:SMS', 'B008:EMAIL', 'B008:SMS'].sort(),
    );
    // Each announced notification was claimed, its claim the record: the bus ran no record
    // function for any of them.
    const recordRuns = stack.runtime.stages
      .snapshot()
      .find((s) => s.stage === 'notification_record');
    expect(recordRuns?.calls ?? 0).toBe(0);
  });

  it('records an older event that arrives after a newer one as STALE, notifying nobody', async () => {
    const newer = inboundEvent(
      { eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 60 },
      at(60),
    );
    const older = inboundEvent(
      { eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 20 },
      at(0),
    );
    await stack.produce([newer]);
    await stack.produce([older]);
    expect((await flight('SW1234')).delay_minutes).toBe(60);
    expect(runs('FlightPulseDelayNotification').map((r) => r.execution_name)).toEqual([
      `delay-notification-${newer.event_id}`,
    ]);
    const { body } = await stack.get<{
      events: Array<{ event_id: string; outcome: string; reason: string }>;
    }>('/events?flight_id=SW1234');
    expect(body.events.find((e) => e.event_id === older.event_id)).toMatchObject({
      outcome: 'STALE',
      reason: expect.stringContaining(`event ${newer.event_id}`),
    });
    expect(await sent('SW1234', older.event_id)).toEqual([]);
  });

  it('does not turn a cancelled flight back into a delayed one', async () => {
    await stack.produce([
      inboundEvent({ eventType: 'FLIGHT_CANCELLED', flightId: 'SW9012' }, at(0)),
    ]);
    await stack.produce([
      inboundEvent({ eventType: 'FLIGHT_DELAY', flightId: 'SW9012', delayMinutes: 30 }, at(10)),
    ]);
    expect((await flight('SW9012')).status).toBe('CANCELLED');
  });

  it('reinstates a cancelled flight on the documented reinstatement event and tells its passengers', async () => {
    await stack.produce([
      inboundEvent({ eventType: 'FLIGHT_CANCELLED', flightId: 'SW9012' }, at(0)),
    ]);
    const reinstatement = inboundEvent(
      { eventType: 'FLIGHT_DELAY', flightId: 'SW9012', delayMinutes: 45 },
      at(20),
    );
    (reinstatement.payload as { reinstated?: boolean }).reinstated = true;
    await stack.produce([reinstatement]);
    const run = runs('FlightPulseDelayNotification').find(
      (r) =>
        (r.input as { detail: { event_id: string } }).detail.event_id === reinstatement.event_id,
    );
    expect(run?.status).toBe('SUCCEEDED');
    expect(run?.steps.map((s) => s.name).slice(0, 2)).toEqual([
      'IsReinstatement',
      'ReinstateFlight',
    ]);
    expect(await flight('SW9012')).toMatchObject({ status: 'DELAYED', delay_minutes: 45 });
    const told = stack.runtime.busEvents.filter(
      (e) =>
        e['detail-type'].startsWith('notification.') &&
        (e.detail as { event_id?: string }).event_id === reinstatement.event_id,
    );
    expect(told.length).toBeGreaterThan(0);
  });
});

describe('FlightPulseCancellationWorkflow', () => {
  it('cancels the flight, marks every booking for rebooking, apologises and asks for rebooking', async () => {
    const event = inboundEvent(
      { eventType: 'FLIGHT_CANCELLED', flightId: 'SW9012', reason: 'WEATHER' },
      at(0),
    );
    await stack.produce([event]);
    expect(runs('FlightPulseCancellationWorkflow')[0]?.status).toBe('SUCCEEDED');
    expect((await flight('SW9012')).status).toBe('CANCELLED');
    const sample = loadSampleData();
    const onFlight = sample.bookings.filter((b) => b.flight_id === 'SW9012');
    for (const id of onFlight.map((b) => b.booking_id)) {
      expect((await stack.get<Booking>(`/bookings/${id}`)).body.booking_status).toBe(
        'NEEDS_REBOOKING',
      );
    }
    const byStatus = await stack.get<{ bookings: Booking[] }>('/bookings?status=NEEDS_REBOOKING');
    expect(byStatus.body.bookings.map((b) => b.booking_id).sort()).toEqual(
      onFlight.map((b) => b.booking_id).sort(),
    );
    const notifications = await sent('SW9012', event.event_id);
    const prefs = onFlight.map(
      (b) =>
        sample.passengers.find((p) => p.passenger_id === b.passenger_id)?.notification_preferences,
    );
    expect(notifications.length).toBe(
      prefs.filter((p) => p?.email).length + prefs.filter((p) => p?.sms).length,
    );
    // Apologetic in each passenger's own language.
    const apologetic = (n: (typeof notifications)[number]) =>
      languagePack(passenger(n.passenger_id).language).rules.apology.test(n.body);
    expect(notifications.every(apologetic)).toBe(true);
    const types = stack.runtime.busEvents.map((e) => e['detail-type']);
    expect(types.filter((t) => t === 'booking.status_changed')).toHaveLength(onFlight.length);
    const rebooking = stack.runtime.busEvents.find(
      (e) => e['detail-type'] === 'booking.rebooking_needed',
    );
    expect(rebooking?.detail).toMatchObject({
      flight_id: 'SW9012',
      bookings_affected: onFlight.length,
      rebooking_priority: 'HIGH',
    });
  });
});

describe('FlightPulseGateChangeWorkflow', () => {
  it('moves the flight and sends urgent SMS first on a terminal change', async () => {
    const event = inboundEvent(
      {
        eventType: 'GATE_CHANGE',
        flightId: 'SW3456',
        oldGate: 'A5',
        newGate: 'D15',
        terminalChange: true,
      },
      at(0),
    );
    await stack.produce([event]);
    expect(runs('FlightPulseGateChangeWorkflow')[0]?.steps.map((s) => s.name)).toContain(
      'SendNotifications',
    );
    expect((await flight('SW3456')).gate).toBe('D15');
    const sms = stack.runtime.busEvents.filter((e) => e['detail-type'].startsWith('notification.'));
    const firstEmail = sms.findIndex((e) => e['detail-type'] === 'notification.email');
    const lastSms = sms.findLastIndex((e) => e['detail-type'] === 'notification.sms');
    expect(lastSms).toBeLessThan(firstEmail);
    const texts = (await sent('SW3456', event.event_id)).filter((n) => n.channel === 'SMS');
    expect(texts.map((n) => n.passenger_id).sort()).toEqual(['P003', 'P007']);
    expect(texts.every((n) => n.priority === 'IMMEDIATE' && n.body.startsWith('URGENT'))).toBe(
      true,
    );
  });

  it('finishes without notifications for a flight nobody is booked on', async () => {
    const empty = {
      ...(await flight('SW7890')),
      flight_id: 'SW4242',
      last_event_at: null,
      gate_updated_at: null,
    };
    // Written through a second client, as another writer of the table would.
    const client = createDynamoDbClient({ endpoint: stack.runtime.endpoint });
    await seedItems(createDocumentClient(client), 'FlightPulseTable', [flightItem(empty)]);
    client.destroy();
    await stack.produce([
      inboundEvent(
        { eventType: 'GATE_CHANGE', flightId: 'SW4242', oldGate: 'B12', newGate: 'C1' },
        at(0),
      ),
    ]);
    expect(runs('FlightPulseGateChangeWorkflow')[0]?.steps.map((s) => s.name)).toEqual([
      'UpdateFlightGate',
      'GetAffectedBookings',
      'CheckBookingsExist',
      'ForgetRunWithoutBookings',
      'NoBookingsFound',
    ]);
    expect((await flight('SW4242')).gate).toBe('C1');
  });
});

describe('a failing workflow step', () => {
  it('records the failed batch with its passengers and the error, and the run ends failed for the re-drive', async () => {
    const client = createDynamoDbClient({ endpoint: stack.runtime.endpoint });
    // A passenger record the workflow cannot read: GetPassengerDetails fails on it.
    await createDocumentClient(client).send(
      new PutCommand({
        TableName: 'FlightPulseTable',
        Item: { ...keys.passenger('P006'), passenger_id: 'P006', tier: 'GOLD' },
      }),
    );
    client.destroy();
    const event = inboundEvent(
      { eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 40 },
      at(0),
    );
    await stack.produce([event]);
    const [run] = runs('FlightPulseDelayNotification');
    // The other batches went on; the run ends failed, so its pending run is re-driven.
    expect(run).toMatchObject({ status: 'FAILED', error: 'FlightPulse.BatchesDeadLettered' });
    expect(run?.steps.map((s) => s.name)).toContain('RecordFailedProcessNotifications');
    expect(await stack.runtime.redrivePendingRuns()).toEqual({ pending: 1, redriven: 1 });
    expect(stack.runtime.workflowDeadLetters).toEqual([
      expect.objectContaining({
        // Sent by the batch's child execution, whose state machine is the Map Run's.
        state_machine: 'FlightPulseDelayNotification/ProcessNotifications',
        failed_batch: expect.objectContaining({
          detail: expect.objectContaining({ event_id: event.event_id }),
        }),
        failure: expect.objectContaining({ Error: expect.any(String) }),
      }),
    ]);
  });
});
