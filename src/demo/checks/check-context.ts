import { type Disruption, disruptionFrom } from '../../domain/disruptions/disruption.ts';
import type { NotificationDetail } from '../../domain/event-routing/bus-events.ts';
import { checkMessage } from '../../domain/messaging/check-message.ts';
import type { Booking } from '../../domain/records/booking.ts';
import type { Flight } from '../../domain/records/flight.ts';
import type { Passenger } from '../../domain/records/passenger.ts';
import { checkRights, withoutStatement } from '../../domain/rights/check-rights.ts';
import type { Entitlement } from '../../domain/rights/entitlement.ts';
import type { Liability } from '../../domain/rights/liability.ts';
import { claimLink } from '../../domain/rights/rights-settings.ts';
import {
  type RightsStatement,
  rightsStatement,
  STATEMENT_LANGUAGES,
  statementForChannels,
} from '../../domain/rights/rights-statement.ts';
import { type ApiReader, type Check, check, type ScenarioRun } from '../scenario-run.ts';

const KIND_OF: Record<string, Disruption['kind']> = {
  'flight.delay.minor': 'DELAY',
  'flight.delay.major': 'DELAY',
  'flight.delay.severe': 'DELAY',
  'flight.cancelled': 'CANCELLATION',
  'flight.gate_change': 'GATE_CHANGE',
};

export interface Helpers {
  api: ApiReader;
  passengers: Map<string, Passenger>;
  /** The claim form the running configuration sends passengers to. */
  claimFormUrl: string;
}

/** What every scenario's checks work from: the run, the API, and the common expectations. */
export interface CheckContext extends Helpers {
  run: ScenarioRun;
  /** The disruptions the run published, in order. */
  disruptions: Disruption[];
  published(detailType: string): Check;
  workflow(stateMachine: string): Check;
  flight(flightId: string): Promise<Flight>;
  /** Everyone on the flight told once per accepted channel, every message within the rules. */
  tell(flightId: string, disruption: Disruption | undefined): Promise<Check[]>;
}

export function checkContext(run: ScenarioRun, helpers: Helpers): CheckContext {
  const disruptions = run.busEvents
    .filter((e) => KIND_OF[e['detail-type']])
    .map((e) => disruptionFrom(KIND_OF[e['detail-type']] as Disruption['kind'], e.detail));
  return {
    ...helpers,
    run,
    disruptions,
    published: (type) =>
      check(
        `published ${type}`,
        run.busEvents.some((e) => e['detail-type'] === type),
      ),
    workflow: (name) => {
      const runs = run.executions.filter((e) => e.state_machine === name);
      return check(
        `${name} succeeded`,
        runs.length > 0 && runs.every((e) => e.status === 'SUCCEEDED'),
        runs.map((e) => `${e.status} ${e.error ?? ''} ${e.cause ?? ''}`).join('; ') ||
          'not started',
      );
    },
    flight: async (id) => (await helpers.api<Flight>(`/flights/${id}`)).body,
    tell: async (flightId, d) =>
      d
        ? [
            ...(await notificationChecks(flightId, d, helpers)),
            ...(d.kind === 'GATE_CHANGE' ? [] : await liabilityChecks(flightId, d, helpers)),
          ]
        : [check(`${flightId} disruption published`, false)],
  };
}

export async function bookingsOf(flightId: string, api: ApiReader): Promise<Booking[]> {
  const refs = (
    await api<{ bookings: Array<{ booking_id: string }> }>(`/flights/${flightId}/bookings`)
  ).body.bookings;
  return Promise.all(refs.map(async (r) => (await api<Booking>(`/bookings/${r.booking_id}`)).body));
}

/** `booking:CHANNEL` for every channel each booking's passenger accepts. */
export function expectedDeliveries(bookings: Booking[], helpers: Helpers): Set<string> {
  const expected = new Set<string>();
  for (const b of bookings) {
    const prefs = helpers.passengers.get(b.passenger_id)?.notification_preferences;
    if (prefs?.email) expected.add(`${b.booking_id}:EMAIL`);
    if (prefs?.sms) expected.add(`${b.booking_id}:SMS`);
  }
  return expected;
}

export async function notificationsOf(
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
export async function notificationChecks(
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
    const statement = await statementOf(b, passenger, disruption, helpers);
    for (const p of checkRights(message, statement)) problems.push(`${b.booking_id}: ${p}`);
    const rest = withoutStatement(message, statement);
    for (const p of checkMessage(rest, passenger, b, disruption))
      problems.push(`${b.booking_id}: ${p}`);
  }
  return [
    check(
      `${flightId}: each passenger told once on each channel they accept`,
      actual.length === expected.size && actual.every((a) => expected.has(a)),
      `expected ${[...expected].sort().join(' ')}; got ${actual.sort().join(' ')}`,
    ),
    check(
      `${flightId}: messages follow the personalisation rules and state exactly the computed rights`,
      problems.length === 0,
      problems.join('; '),
    ),
  ];
}

async function entitlementsOf(bookingId: string, api: ApiReader): Promise<Entitlement[]> {
  const { body } = await api<{ entitlements: Entitlement[] }>(
    `/bookings/${bookingId}/entitlements`,
  );
  return body.entitlements ?? [];
}

/**
 * What the booking's messages must state, from the entitlement stored for this disruption (as
 * GET /bookings/{id}/entitlements returns it); none for a gate change.
 */
async function statementOf(
  booking: Booking,
  passenger: Passenger,
  disruption: Disruption,
  helpers: Helpers,
): Promise<RightsStatement> {
  if (disruption.kind === 'GATE_CHANGE') return { email: '', sms: '' };
  const stored = (await entitlementsOf(booking.booking_id, helpers.api)).find(
    (e) => e.event_id === disruption.detail.event_id,
  );
  const language =
    STATEMENT_LANGUAGES.find((l) => l === (passenger as { language?: string }).language) ?? 'en';
  const prefs = passenger.notification_preferences;
  return statementForChannels(
    rightsStatement(
      stored?.regimes ?? [],
      language,
      claimLink({ claimFormUrl: helpers.claimFormUrl }, booking.booking_id),
    ),
    [...(prefs.email ? ['EMAIL'] : []), ...(prefs.sms ? ['SMS'] : [])],
  );
}

const typeOf = (d: Disruption) => (d.kind === 'CANCELLATION' ? 'CANCELLED' : 'DELAY');

/** Every booking's entitlement is stored for the disruption, and the liability is their sum. */
export async function liabilityChecks(
  flightId: string,
  disruption: Disruption,
  helpers: Helpers,
): Promise<Check[]> {
  const bookings = (await bookingsOf(flightId, helpers.api)).filter(
    (b) => b.booking_status !== 'CANCELLED',
  );
  const stored = await Promise.all(bookings.map((b) => entitlementsOf(b.booking_id, helpers.api)));
  const current = stored.map((list) => list.find((e) => e.flight_id === flightId));
  const missing = bookings.filter((_b, i) => !current[i]).map((b) => b.booking_id);
  const sums = new Map<string, number>();
  for (const e of current) {
    for (const r of e?.regimes ?? []) {
      if (!r.applies || !r.compensation) continue;
      const key = `${r.regime} ${r.compensation.currency}`;
      sums.set(key, (sums.get(key) ?? 0) + r.compensation.amount);
    }
  }
  const { body } = await helpers.api<Liability>(`/flights/${flightId}/liability`);
  const reported = new Map(body.exposure.map((x) => [`${x.regime} ${x.currency}`, x.amount]));
  const same =
    reported.size === sums.size && [...sums].every(([key, sum]) => reported.get(key) === sum);
  const text = (m: Map<string, number>) =>
    [...m].map(([k, v]) => `${k} ${v}`).join(', ') || 'nothing';
  return [
    check(
      `${flightId}: every booking's entitlements stored`,
      missing.length === 0 && current.every((e) => e?.disruption_type === typeOf(disruption)),
      missing.length > 0 ? `missing ${missing.join(' ')}` : 'stored for another kind of disruption',
    ),
    check(
      `${flightId}: liability equals the sum of the bookings' entitlements (${text(sums)})`,
      same && body.bookings === bookings.length,
      `liability ${text(reported)} over ${body.bookings} bookings`,
    ),
  ];
}
