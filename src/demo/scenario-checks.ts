import { type Disruption, disruptionFrom } from '../domain/disruptions/disruption.ts';
import type { NotificationDetail } from '../domain/event-routing/bus-events.ts';
import { checkMessage } from '../domain/messaging/check-message.ts';
import type { Booking } from '../domain/records/booking.ts';
import type { Flight } from '../domain/records/flight.ts';
import type { Passenger } from '../domain/records/passenger.ts';
import type { EventLogEntry } from '../ports.ts';
import { type ApiReader, type Check, check, type ScenarioRun } from './scenario-run.ts';

const KIND_OF: Record<string, Disruption['kind']> = {
  'flight.delay.minor': 'DELAY',
  'flight.delay.major': 'DELAY',
  'flight.delay.severe': 'DELAY',
  'flight.cancelled': 'CANCELLATION',
  'flight.gate_change': 'GATE_CHANGE',
};

interface Helpers {
  api: ApiReader;
  passengers: Map<string, Passenger>;
}

/** The expectations of each scenario of the specification, checked through the API. */
export async function checkScenario(run: ScenarioRun, helpers: Helpers): Promise<Check[]> {
  const checks: Check[] = [
    check('no background failures', run.failures.length === 0, run.failures.map(String).join('; ')),
  ];
  const disruptions = run.busEvents
    .filter((e) => KIND_OF[e['detail-type']])
    .map((e) => disruptionFrom(KIND_OF[e['detail-type']] as Disruption['kind'], e.detail));
  const published = (type: string) =>
    check(
      `published ${type}`,
      run.busEvents.some((e) => e['detail-type'] === type),
    );
  const workflow = (name: string) => {
    const runs = run.executions.filter((e) => e.state_machine === name);
    return check(
      `${name} succeeded`,
      runs.length > 0 && runs.every((e) => e.status === 'SUCCEEDED'),
      runs.map((e) => `${e.status} ${e.error ?? ''} ${e.cause ?? ''}`).join('; ') || 'not started',
    );
  };
  const flight = async (id: string) => (await helpers.api<Flight>(`/flights/${id}`)).body;
  const tell = (flightId: string, d: Disruption | undefined) =>
    d
      ? notificationChecks(flightId, d, helpers)
      : Promise.resolve([check(`${flightId} disruption published`, false)]);

  switch (run.scenario.id) {
    case 1: {
      const f = await flight('SW1234');
      const d = disruptions[0];
      checks.push(
        published('flight.delay.minor'),
        workflow('FlightPulseDelayNotification'),
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
        ...(await tell('SW1234', d)),
      );
      break;
    }
    case 2: {
      const f = await flight('SW5678');
      const d = disruptions[0];
      const emails = d ? await notificationsOf('SW5678', d.detail.event_id, helpers.api) : [];
      const aList = emails.filter(
        (n) => n.channel === 'EMAIL' && helpers.passengers.get(n.passenger_id)?.tier !== 'MEMBER',
      );
      checks.push(
        published('flight.delay.major'),
        workflow('FlightPulseDelayNotification'),
        check(
          'SW5678 DELAYED by 90 minutes',
          f.status === 'DELAYED' && f.delay_minutes === 90,
          `${f.status} ${f.delay_minutes}`,
        ),
        check(
          'A-List passengers get priority language',
          aList.length > 0 && aList.every((n) => /A-List (Preferred )?Member/.test(n.body)),
          `${aList.length} A-List emails`,
        ),
        ...(await tell('SW5678', d)),
      );
      break;
    }
    case 3: {
      const f = await flight('SW9012');
      const bookings = await bookingsOf('SW9012', helpers.api);
      const byStatus = await helpers.api<{ bookings: Booking[] }>(
        '/bookings?status=NEEDS_REBOOKING&limit=200',
      );
      const indexed = new Set(byStatus.body.bookings.map((b) => b.booking_id));
      const changed = new Set(
        run.busEvents
          .filter(
            (e) =>
              e['detail-type'] === 'booking.status_changed' &&
              e.detail.new_status === 'NEEDS_REBOOKING',
          )
          .map((e) => String(e.detail.booking_id)),
      );
      checks.push(
        published('flight.cancelled'),
        workflow('FlightPulseCancellationWorkflow'),
        check('SW9012 CANCELLED', f.status === 'CANCELLED', f.status),
        check(
          'every SW9012 booking NEEDS_REBOOKING',
          bookings.length === 4 && bookings.every((b) => b.booking_status === 'NEEDS_REBOOKING'),
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
        published('booking.rebooking_needed'),
        ...(await tell('SW9012', disruptions[0])),
      );
      break;
    }
    case 4: {
      const f = await flight('SW3456');
      const d = disruptions[0];
      const sent = d ? await notificationsOf('SW3456', d.detail.event_id, helpers.api) : [];
      const sms = sent.filter((n) => n.channel === 'SMS');
      checks.push(
        published('flight.gate_change'),
        workflow('FlightPulseGateChangeWorkflow'),
        check('SW3456 at gate D15', f.gate === 'D15', f.gate),
        check(
          'SMS only to passengers who accept SMS',
          sms.length > 0 &&
            sms.every(
              (n) => helpers.passengers.get(n.passenger_id)?.notification_preferences.sms === true,
            ),
        ),
        check(
          'terminal-change SMS are immediate',
          sms.every((n) => n.priority === 'IMMEDIATE'),
        ),
        ...(await tell('SW3456', d)),
      );
      break;
    }
    case 5:
      checks.push(...(await rapidSequenceChecks(run, disruptions, helpers)));
      break;
  }
  return checks;
}

async function rapidSequenceChecks(
  run: ScenarioRun,
  disruptions: Disruption[],
  helpers: Helpers,
): Promise<Check[]> {
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

async function bookingsOf(flightId: string, api: ApiReader): Promise<Booking[]> {
  const refs = (
    await api<{ bookings: Array<{ booking_id: string }> }>(`/flights/${flightId}/bookings`)
  ).body.bookings;
  return Promise.all(refs.map(async (r) => (await api<Booking>(`/bookings/${r.booking_id}`)).body));
}

/** `booking:CHANNEL` for every channel each booking's passenger accepts. */
function expectedDeliveries(bookings: Booking[], helpers: Helpers): Set<string> {
  const expected = new Set<string>();
  for (const b of bookings) {
    const prefs = helpers.passengers.get(b.passenger_id)?.notification_preferences;
    if (prefs?.email) expected.add(`${b.booking_id}:EMAIL`);
    if (prefs?.sms) expected.add(`${b.booking_id}:SMS`);
  }
  return expected;
}

async function notificationsOf(
  flightId: string,
  eventId: string,
  api: ApiReader,
): Promise<NotificationDetail[]> {
  const { body } = await api<{ notifications: NotificationDetail[] }>(
    `/notifications?flight_id=${flightId}&limit=200`,
  );
  return body.notifications.filter((n) => n.event_id === eventId);
}

/** Everyone told once on each channel they accept, and every message passes the rule checker. */
async function notificationChecks(
  flightId: string,
  disruption: Disruption,
  helpers: Helpers,
): Promise<Check[]> {
  const sent = await notificationsOf(flightId, disruption.detail.event_id, helpers.api);
  const bookings = await bookingsOf(flightId, helpers.api);
  const expected = expectedDeliveries(bookings, helpers);
  const actual = sent.map((n) => `${n.booking_id}:${n.channel}`);
  const problems: string[] = [];
  for (const b of bookings) {
    const passenger = helpers.passengers.get(b.passenger_id);
    const mine = sent.filter((n) => n.booking_id === b.booking_id);
    if (!passenger || mine.length === 0) continue;
    const email = mine.find((n) => n.channel === 'EMAIL');
    const sms = mine.find((n) => n.channel === 'SMS');
    const message = {
      ...(email
        ? { email_subject: email.channel === 'EMAIL' ? email.subject : '', email_body: email.body }
        : {}),
      ...(sms ? { sms_body: sms.body } : {}),
    };
    for (const p of checkMessage(message, passenger, b, disruption))
      problems.push(`${b.booking_id}: ${p}`);
  }
  return [
    check(
      `${flightId}: each passenger told once on each channel they accept`,
      actual.length === expected.size && actual.every((a) => expected.has(a)),
      `expected ${[...expected].sort().join(' ')}; got ${actual.sort().join(' ')}`,
    ),
    check(
      `${flightId}: messages follow the personalisation rules`,
      problems.length === 0,
      problems.join('; '),
    ),
  ];
}
