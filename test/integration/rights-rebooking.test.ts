import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicOffer } from '../../src/domain/rebooking/offer.ts';
import type { Entitlement } from '../../src/domain/rights/entitlement.ts';
import type { Liability } from '../../src/domain/rights/liability.ts';
import { inboundEvent } from '../support/fixtures.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';

/**
 * A UK cancellation judged with what rebooking did, end to end on the local runtime: the
 * cancellation workflow judges each booking with the option its offer holds, and the answer
 * workflow judges it again once the passenger books another.
 */
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
  await stack.produce([
    inboundEvent(
      { eventType: 'FLIGHT_CANCELLED', flightId: 'SW4200', reason: 'CREW' },
      new Date().toISOString(),
    ),
  ]);
});
afterAll(() => stack.stop());

async function entitlementOf(bookingId: string): Promise<Entitlement> {
  const { body } = await stack.get<{ entitlements: Entitlement[] }>(
    `/bookings/${bookingId}/entitlements`,
  );
  const found = body.entitlements.find((e) => e.flight_id === 'SW4200');
  if (!found) throw new Error(`no SW4200 entitlement for ${bookingId}`);
  return found;
}

const uk = (e: Entitlement) => e.regimes.find((r) => r.regime === 'UK261');

describe('a cancellation judged with its rebooking', () => {
  it('judges each booking with the option held for it', async () => {
    const first = await entitlementOf('B024');
    // The one free seat on SW4202 (1 h 40 min late) went to the A-List Preferred party.
    expect(first.rebooking).toMatchObject({ basis: 'OFFERED', flights: ['SW4202'] });
    expect(uk(first)).toMatchObject({ compensation: null, refund: true });
    const second = await entitlementOf('B023');
    expect(second.rebooking).toMatchObject({ basis: 'OFFERED', flights: ['SW4204'] });
    expect(uk(second)?.compensation).toEqual({ amount: 220, currency: 'GBP' });
    const liability = await stack.get<Liability>('/flights/SW4200/liability');
    expect(liability.body.exposure).toEqual([
      { regime: 'UK261', currency: 'GBP', amount: 220, bookings: 1 },
    ]);
  });

  it('judges it again when the passenger books a later flight, and the liability follows', async () => {
    const offer = (await stack.get<PublicOffer>('/bookings/B024/offer')).body;
    const later = offer.options.find((o) => o.segments[0]?.flight_id === 'SW4204');
    expect(later, 'SW4204 offered beside the held SW4202').toBeDefined();
    const { token } = await stack.runtime.identity.links.create({
      bookingId: 'B024',
      passengerId: 'P015',
      path: '/passenger',
    });
    // The passenger answers through their own link.
    const response = await stack.runtime.app.request(`/offers/${offer.offer_id}/accept`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'Idempotency-Key': 'rights-rebooking-accept-1',
      },
      body: JSON.stringify({ option_id: later?.option_id }),
    });
    expect(response.status).toBe(201);
    expect(await stack.runtime.idle()).toEqual([]);

    const rejudged = await entitlementOf('B024');
    expect(rejudged.rebooking).toMatchObject({ basis: 'BOOKED', flights: ['SW4204'] });
    expect(uk(rejudged)?.compensation).toEqual({ amount: 220, currency: 'GBP' });
    const liability = await stack.get<Liability>('/flights/SW4200/liability');
    expect(liability.body.exposure).toEqual([
      { regime: 'UK261', currency: 'GBP', amount: 440, bookings: 2 },
    ]);
    const own = await stack
      .withToken(token)
      .get<{ entitlements: Entitlement[] }>('/bookings/B024/entitlements');
    expect(own.body.entitlements[0]?.rebooking?.basis).toBe('BOOKED');
  });
});
