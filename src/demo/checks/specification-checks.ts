import { languagePack } from '../../domain/messaging/templates/language-packs.ts';
import type { Booking } from '../../domain/records/booking.ts';
import type { Flight } from '../../domain/records/flight.ts';
import type { EventLogEntry } from '../../ports.ts';
import { loadSampleData } from '../../runtime/sample-data.ts';
import { type Check, check } from '../scenario-run.ts';
import {
  bookingsOf,
  type CheckContext,
  expectedDeliveries,
  notificationChecks,
  notificationsOf,
} from './check-context.ts';

type ScenarioChecks = (ctx: CheckContext) => Promise<Check[]>;

/** The expectations of the specification's five scenarios, checked through the API. */
export const SPECIFICATION_CHECKS: Record<number, ScenarioChecks> = {
  1: minorDelay,
  2: majorDelay,
  3: cancellation,
  4: terminalGateChange,
  5: rapidSequence,
};

async function minorDelay(ctx: CheckContext): Promise<Check[]> {
  const f = await ctx.flight('SW1234');
  const d = ctx.disruptions[0];
  return [
    ctx.published('flight.delay.minor'),
    ctx.workflow('FlightPulseDelayNotification'),
    check(
      '4 affected bookings found',
      d?.detail.affected_passengers_count === 4,
      `got ${d?.detail.affected_passengers_count}`,
    ),
    check(
      'SW1234 DELAYED by 25 minutes',
      f.status === 'DELAYED' && f.delay_minutes === 25,
      `${f.status} ${f.delay_minutes}`,
    ),
    check(
      'SW1234 new departure 08:25',
      f.estimated_departure?.slice(11, 16) === '08:25',
      String(f.estimated_departure),
    ),
    ...(await ctx.tell('SW1234', d)),
  ];
}

async function majorDelay(ctx: CheckContext): Promise<Check[]> {
  const f = await ctx.flight('SW5678');
  const d = ctx.disruptions[0];
  const emails = d ? await notificationsOf('SW5678', d.detail.event_id, ctx.api) : [];
  const aList = emails.filter((n) => ctx.passengers.get(n.passenger_id)?.tier !== 'MEMBER');
  // The tier's name with its priority, in the passenger's language, by email and by SMS.
  const priority = (n: (typeof emails)[number]) =>
    /A-List/.test(n.body) &&
    languagePack(ctx.passengers.get(n.passenger_id)?.language ?? 'en').rules.priority.test(n.body);
  return [
    ctx.published('flight.delay.major'),
    ctx.workflow('FlightPulseDelayNotification'),
    check(
      'SW5678 DELAYED by 90 minutes',
      f.status === 'DELAYED' && f.delay_minutes === 90,
      `${f.status} ${f.delay_minutes}`,
    ),
    check(
      'A-List passengers get priority language in every message',
      aList.length > 0 && aList.every(priority),
      `${aList.length} A-List messages`,
    ),
    ...(await ctx.tell('SW5678', d)),
  ];
}

async function cancellation(ctx: CheckContext): Promise<Check[]> {
  const f = await ctx.flight('SW9012');
  const bookings = await bookingsOf('SW9012', ctx.api);
  const byStatus = await ctx.api<{ bookings: Booking[] }>(
    '/bookings?status=NEEDS_REBOOKING&limit=200',
  );
  const indexed = new Set(byStatus.body.bookings.map((b) => b.booking_id));
  const changed = new Set(
    ctx.run.busEvents
      .filter(
        (e) =>
          e['detail-type'] === 'booking.status_changed' &&
          e.detail.new_status === 'NEEDS_REBOOKING',
      )
      .map((e) => String(e.detail.booking_id)),
  );
  return [
    ctx.published('flight.cancelled'),
    ctx.workflow('FlightPulseCancellationWorkflow'),
    check('SW9012 CANCELLED', f.status === 'CANCELLED', f.status),
    check(
      'every SW9012 booking NEEDS_REBOOKING',
      bookings.length === sampleBookingsOn('SW9012') &&
        bookings.every((b) => b.booking_status === 'NEEDS_REBOOKING'),
      bookings.map((b) => `${b.booking_id}:${b.booking_status}`).join(' '),
    ),
    check(
      'GSI2 lists them as NEEDS_REBOOKING',
      bookings.every((b) => indexed.has(b.booking_id)),
    ),
    check(
      'booking.status_changed raised for each',
      bookings.every((b) => changed.has(b.booking_id)),
    ),
    ctx.published('booking.rebooking_needed'),
    ...(await ctx.tell('SW9012', ctx.disruptions[0])),
  ];
}

async function terminalGateChange(ctx: CheckContext): Promise<Check[]> {
  const f = await ctx.flight('SW3456');
  const d = ctx.disruptions[0];
  const sent = d ? await notificationsOf('SW3456', d.detail.event_id, ctx.api) : [];
  const sms = sent.filter((n) => n.channel === 'SMS');
  return [
    ctx.published('flight.gate_change'),
    ctx.workflow('FlightPulseGateChangeWorkflow'),
    check('SW3456 at gate D15', f.gate === 'D15', f.gate),
    check(
      'SMS only to passengers who accept SMS',
      sms.length > 0 &&
        sms.every((n) => ctx.passengers.get(n.passenger_id)?.notification_preferences.sms === true),
    ),
    check(
      'terminal-change SMS are immediate',
      sms.every((n) => n.priority === 'IMMEDIATE'),
    ),
    ...(await ctx.tell('SW3456', d)),
  ];
}

async function rapidSequence(ctx: CheckContext): Promise<Check[]> {
  const { run, disruptions } = ctx;
  const helpers = ctx;
  const events = (await helpers.api<{ events: EventLogEntry[] }>('/events?limit=200')).body.events;
  const first = run.scenario.records[0];
  const firstId = first && 'event' in first ? String(first.event.event_id) : '';
  const outcomes = events
    .filter((e) => e.event_id === firstId)
    .map((e) => e.outcome)
    .sort();
  const sw7890 = (await helpers.api<Flight>('/flights/SW7890')).body;
  const sw1234 = (await helpers.api<Flight>('/flights/SW1234')).body;
  const severe = disruptions.find((d) => d.kind === 'DELAY' && d.detail.delay_minutes === 150);
  const gate = disruptions.find((d) => d.kind === 'GATE_CHANGE');
  const earlier = await notificationsOf('SW7890', firstId, helpers.api);
  const expectedEarlier = expectedDeliveries(await bookingsOf('SW7890', helpers.api), helpers).size;
  const overlapping = run.executions.some((a) =>
    run.executions.some(
      (b) => a !== b && a.started_at < (b.ended_at ?? '') && b.started_at < (a.ended_at ?? ''),
    ),
  );
  return [
    check('three workflows ran', run.executions.length === 3, `${run.executions.length} ran`),
    check(
      'every workflow succeeded',
      run.executions.every((e) => e.status === 'SUCCEEDED'),
    ),
    check('workflows ran concurrently', overlapping),
    check(
      'duplicate event recorded as DUPLICATE',
      outcomes.join(',') === 'ACCEPTED,DUPLICATE',
      outcomes.join(','),
    ),
    check(
      'malformed record dead-lettered with its reason',
      events.some((e) => e.outcome === 'REJECTED' && /invalid JSON/.test(e.reason ?? '')),
    ),
    check(
      'unknown flight dead-lettered with its reason',
      events.some((e) => e.outcome === 'REJECTED' && /unknown flight SW0000/.test(e.reason ?? '')),
    ),
    check(
      'SW7890 ends DELAYED by 150 minutes',
      sw7890.status === 'DELAYED' && sw7890.delay_minutes === 150,
      `${sw7890.status} ${sw7890.delay_minutes}`,
    ),
    check('SW1234 moved to gate A14', sw1234.gate === 'A14', sw1234.gate),
    check(
      'the duplicate produced no second notification',
      earlier.length === 0 || earlier.length === expectedEarlier,
      `${earlier.length} notifications for the first event`,
    ),
    ...(severe
      ? await notificationChecks('SW7890', severe, helpers)
      : [check('severe delay published', false)]),
    ...(gate
      ? await notificationChecks('SW1234', gate, helpers)
      : [check('gate change published', false)]),
  ];
}

/** How many sample bookings a flight starts with. */
function sampleBookingsOn(flightId: string): number {
  return loadSampleData().bookings.filter((b) => b.flight_id === flightId).length;
}
