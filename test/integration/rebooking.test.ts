import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { matchesPattern } from '../../src/adapters/local/eventbridge/match-pattern.ts';
import { ROUTING_RULES } from '../../src/domain/event-routing/routing-rules.ts';
import type { Offer, PublicOffer } from '../../src/domain/rebooking/offer.ts';
import type { Booking } from '../../src/domain/records/booking.ts';
import type { Flight } from '../../src/domain/records/flight.ts';
import type { Passenger } from '../../src/domain/records/passenger.ts';
import type { Entitlement } from '../../src/domain/rights/entitlement.ts';
import { claimLink, DEFAULT_CLAIM_FORM_URL } from '../../src/domain/rights/rights-settings.ts';
import { rightsStatement } from '../../src/domain/rights/rights-statement.ts';
import { loadConfig } from '../../src/runtime/config.ts';
import { type LocalRuntime, startLocalRuntime } from '../../src/runtime/local-runtime.ts';
import { buildEvent } from '../../src/simulator/build-event.ts';
import { authorizedRequest } from '../support/authorized-request.ts';
import { cancellationOffer } from '../support/cancellation-offer.ts';

/** A clock the test moves: offers expire when it says so, not when the wall clock does. */
class MovableClock {
  private offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs).toISOString();
  advance(minutes: number) {
    this.offsetMs += minutes * 60_000;
  }
}

let runtime: LocalRuntime | undefined;
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

async function start(clock = new MovableClock()) {
  const dir = mkdtempSync(join(tmpdir(), 'fp-rebooking-'));
  runtime = await startLocalRuntime(
    loadConfig(
      {},
      { FLIGHTPULSE_DATA_DIR: dir, LOG_LEVEL: 'SILENT', OFFER_EXPIRY_POLL_SECONDS: '3600' },
    ),
    {},
    clock,
    { inMemoryStore: true },
  );
  await runtime.seed();
  return { rt: runtime, clock };
}

async function json<T>(
  rt: LocalRuntime,
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: T }> {
  const response = await authorizedRequest(rt, path, init);
  return { status: response.status, body: (await response.json()) as T };
}

async function cancel(rt: LocalRuntime, flightId: string) {
  const flight = (await json<Flight>(rt, `/flights/${flightId}`)).body;
  const event = buildEvent(
    { eventType: 'FLIGHT_CANCELLED', flightId, reason: 'MECHANICAL' },
    flight,
    crypto.randomUUID(),
    new Date().toISOString(),
  );
  const produced = await authorizedRequest(rt, '/feed/flight-operations', {
    method: 'POST',
    body: JSON.stringify(event),
  });
  expect(produced.status).toBe(202);
  expect(await rt.idle()).toEqual([]);
  return flight;
}

const RACERS = 200;

const accept = (rt: LocalRuntime, offerId: string, optionId: string, key: string) =>
  json<{ offer?: PublicOffer; remaining_options?: PublicOffer['options']; error?: string }>(
    rt,
    `/offers/${offerId}/accept`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ option_id: optionId }),
    },
  );

describe('rebooking on the local runtime', () => {
  it('gives every booking of a cancelled flight an OPEN offer avoiding it, within capacity', async () => {
    const { rt } = await start();
    await cancel(rt, 'SW9012');
    const refs = (await json<{ bookings: Booking[] }>(rt, '/flights/SW9012/bookings')).body
      .bookings;
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const { status, body } = await json<PublicOffer>(rt, `/bookings/${ref.booking_id}/offer`);
      expect(status).toBe(200);
      expect(body.status).toBe('OPEN');
      expect(body.options.length).toBeGreaterThan(0);
      for (const o of body.options)
        expect(o.segments.map((s) => s.flight_id)).not.toContain('SW9012');
    }
    for (const id of ['SW9014', 'SW9016', 'SW2210', 'SW2212']) {
      const { seats } = (await json<Flight>(rt, `/flights/${id}`)).body;
      for (const c of Object.values(seats ?? {}))
        expect(c.booked + c.held).toBeLessThanOrEqual(c.capacity);
    }
  });

  it('sells the last seats once under hundreds of concurrent accepts; losers get 409 with what remains; keys replay', async () => {
    const { rt } = await start();
    const before = (await json<Flight>(rt, '/flights/SW9014')).body.seats?.ECONOMY;
    const free = (before?.capacity ?? 0) - (before?.booked ?? 0) - (before?.held ?? 0);
    expect(free).toBeGreaterThan(0);
    // 200 parties each offered the last SW9014 seats (unheld) and a roomy later flight.
    const offers: Offer[] = [];
    for (let i = 0; i < RACERS; i++) {
      const ids = {
        offer_id: `OFR-RACE${String(i).padStart(3, '0')}-SW9012-TEST`,
        flight_id: 'SW9012',
        event_id: 'race',
        booking_id: 'B010',
        passenger_id: 'P010',
      };
      const offer = cancellationOffer(ids, new Date().toISOString(), {
        party_id: `RACE${i}-SW9012`,
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        options: ['SW9014', 'SW9016'].map((flight_id, r) => ({
          option_id: `${flight_id}/ECONOMY`,
          rank: r + 1,
          held: false,
          arrival_delay_minutes: 0,
          segments: [
            {
              flight_id,
              origin: 'PHX',
              destination: 'OAK',
              departure: '2025-01-15T13:30:00-07:00',
              arrival: '2025-01-15T14:30:00-08:00',
              cabin: 'ECONOMY' as const,
            },
          ],
        })),
      });
      offers.push(offer);
    }
    for (const offer of offers) expect(await rt.rebooking.offers.create(offer)).toBe(true);
    const answers = await Promise.all(
      offers.map((o, i) => accept(rt, o.offer_id, 'SW9014/ECONOMY', `race-${i}`)),
    );
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status === 409);
    expect(won).toHaveLength(free);
    expect(lost).toHaveLength(RACERS - free);
    for (const l of lost) {
      expect(l.body.error).toBe('Option no longer available');
      expect(l.body.remaining_options?.map((o) => o.option_id)).toEqual(['SW9016/ECONOMY']);
    }
    const after = (await json<Flight>(rt, '/flights/SW9014')).body.seats?.ECONOMY;
    expect(after?.booked).toBe((before?.booked ?? 0) + free);
    expect((after?.booked ?? 0) + (after?.held ?? 0)).toBeLessThanOrEqual(after?.capacity ?? 0);
    // The same key and body replay the first answer; the same key with another body is 409.
    const replays = await Promise.all(
      offers.map((o, i) => accept(rt, o.offer_id, 'SW9014/ECONOMY', `race-${i}`)),
    );
    replays.forEach((r, i) => {
      expect(r.body).toEqual(answers[i]?.body);
      expect(r.status).toBe(answers[i]?.status === 201 ? 200 : answers[i]?.status);
    });
    const other = await accept(rt, offers[0]?.offer_id ?? '', 'SW9016/ECONOMY', 'race-0');
    expect(other.status).toBe(409);
  }, 180_000);

  it('books the top option at expiry and tells the passenger; an expired offer answers 410', async () => {
    const { rt, clock } = await start();
    await cancel(rt, 'SW9012');
    const offer = (await json<PublicOffer>(rt, '/bookings/B012/offer')).body;
    clock.advance(31);
    expect(await rt.rebooking.scheduler.fireDue()).toBeGreaterThan(0);
    expect(await rt.idle()).toEqual([]);
    const after = (await json<PublicOffer>(rt, '/bookings/B012/offer')).body;
    expect(after.status).toBe('AUTO_REBOOKED');
    expect(after.chosen_option_id).toBe(offer.options[0]?.option_id);
    const booking = (await json<Booking>(rt, '/bookings/B012')).body;
    expect(booking).toMatchObject({ booking_status: 'REBOOKED', original_flight_id: 'SW9012' });
    const told = (
      await json<{
        notifications: Array<{ message_type: string; channel: string; body: string }>;
      }>(rt, '/notifications?flight_id=SW9012&booking_id=B012')
    ).body.notifications;
    expect(told.some((n) => n.message_type === 'REBOOKING_NOTIFICATION')).toBe(true);
    // The rebooked e-mail restates the rights as judged again with the new flight.
    const { entitlements } = (
      await json<{ entitlements: Entitlement[] }>(rt, '/bookings/B012/entitlements')
    ).body;
    const judged = entitlements.find((e) => e.flight_id === 'SW9012');
    const passenger = (await json<Passenger>(rt, `/passengers/${booking.passenger_id}`)).body;
    const claimUrl = claimLink({ claimFormUrl: DEFAULT_CLAIM_FORM_URL }, 'B012');
    const stated = rightsStatement(judged?.regimes ?? [], passenger.language, claimUrl).email;
    expect(stated).not.toBe('');
    const email = told.find(
      (n) => n.message_type === 'REBOOKING_NOTIFICATION' && n.channel === 'EMAIL',
    );
    expect(email?.body).toContain(stated);
    const late = await accept(rt, after.offer_id, offer.options[0]?.option_id ?? '', 'late');
    expect(late.status).toBe(410);
  });

  it('sends a party nobody can fly to the agent queue with the reason; an agent rebooks by hand', async () => {
    const { rt } = await start();
    await cancel(rt, 'SW3456'); // LAS → SEA: no other flight on the route
    const queue = (await json<{ offers: Offer[] }>(rt, '/offers?status=ESCALATED')).body.offers;
    expect(queue.length).toBeGreaterThan(0);
    for (const o of queue) expect(o.escalation_reason).toBe('NO_OPTION_WITHIN_24H');
    const first = queue[0] as Offer;
    const rebooked = await json<{ offer: PublicOffer }>(rt, `/offers/${first.offer_id}/rebook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ flight_ids: ['SW2212'], cabin: 'ECONOMY' }),
    });
    expect(rebooked.status).toBe(200);
    expect(rebooked.body.offer.status).toBe('ACCEPTED');
    const booking = (await json<Booking>(rt, `/bookings/${first.booking_ids[0]}`)).body;
    expect(booking).toMatchObject({
      booking_status: 'REBOOKED',
      flight_id: 'SW2212',
      original_flight_id: 'SW3456',
    });
  });

  it('turns flight.waiver_issued into voluntary offers without a change fee', async () => {
    const waiver = {
      source: 'flightpulse.weather',
      'detail-type': 'flight.waiver_issued',
      detail: {
        waiver_id: 'W-TEST',
        flight_id: 'SW1234',
        reason: 'fog',
        issued_at: new Date().toISOString(),
        issued_by: 'test',
      },
    };
    const rules = ROUTING_RULES.filter((r) => matchesPattern(r.eventPattern, waiver));
    expect(rules.map((r) => r.targets)).toEqual([
      [{ kind: 'state-machine', stateMachine: 'waiver-offers' }],
    ]);
    const { rt } = await start();
    const issued = await authorizedRequest(rt, '/flights/SW1234/weather/waiver', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'fog', issued_by: 'test' }),
    });
    expect(issued.status).toBeLessThan(300);
    expect(await rt.idle()).toEqual([]);
    const offer = (await json<PublicOffer>(rt, '/bookings/B003/offer')).body;
    expect(offer).toMatchObject({ status: 'OPEN', voluntary: true, fee_waived: true });
    expect(offer.options.every((o) => o.segments[0]?.flight_id !== 'SW1234')).toBe(true);
  });
});
