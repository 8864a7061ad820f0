import { describe, expect, it } from 'vitest';
import type { Flight } from '../../../src/domain/records/flight.ts';
import { checkRights } from '../../../src/domain/rights/check-rights.ts';
import { liabilityOf } from '../../../src/domain/rights/liability.ts';
import { DEFAULT_CLAIM_FORM_URL } from '../../../src/domain/rights/rights-settings.ts';
import {
  rightsStatement,
  STATEMENT_LANGUAGES,
} from '../../../src/domain/rights/rights-statement.ts';
import { createComputeEntitlements } from '../../../src/handlers/compute-entitlements.ts';
import { createGenerateMessages } from '../../../src/handlers/generate-messages.ts';
import { notificationEntry } from '../../../src/handlers/notification-delivery.ts';
import { createSendClaimNotices } from '../../../src/handlers/send-claim-notices.ts';
import type { TellPassengers } from '../../../src/handlers/tell-passengers.ts';
import type { Messenger } from '../../../src/ports.ts';
import {
  CountingMetrics,
  FixedClock,
  InMemoryStores,
  RecordingPublisher,
  SilentLog,
} from '../../support/fakes.ts';
import { disruption } from '../../support/fixtures.ts';
import { InMemoryEntitlementStore } from '../../support/in-memory-entitlements.ts';

const settings = { effectiveDates: {}, claimFormUrl: DEFAULT_CLAIM_FORM_URL };
const revised = {
  effectiveDates: { 'EU261-2026': '2024-01-01' },
  claimFormUrl: DEFAULT_CLAIM_FORM_URL,
};

const stores = new InMemoryStores();
/** A delay long enough to owe compensation, within the carrier's control. */
const sw4100Delay = {
  eventType: 'FLIGHT_DELAY',
  flightId: 'SW4100',
  delayMinutes: 250,
  reason: 'MECHANICAL',
} as const;
const noOffers = { get: async () => undefined, getMany: async () => [] };
const idsOf = (flightId: string) =>
  [...stores.bookings.values()].filter((b) => b.flight_id === flightId).map((b) => b.booking_id);

/** Runs ComputeEntitlements for one delay or cancellation on all of its flight's bookings. */
async function computed(rights: typeof settings, event: Parameters<typeof disruption>[0]) {
  const entitlements = new InMemoryEntitlementStore();
  const compute = createComputeEntitlements({
    bookings: stores,
    flights: stores,
    offers: noOffers,
    entitlements,
    rights,
    log: new SilentLog(),
  });
  const d = disruption(event);
  if (d.kind === 'GATE_CHANGE') throw new Error('a gate change owes no rights');
  const result = await compute({
    kind: d.kind,
    detail: d.detail,
    booking_ids: idsOf(event.flightId),
  });
  return { entitlements, rights: result.rights };
}

/** The claim-notice job at `now`, telling by announcing into the returned publisher. */
function claimNoticeJob(entitlements: InMemoryEntitlementStore, now: string) {
  const publisher = new RecordingPublisher();
  const job = createSendClaimNotices({
    entitlements,
    bookings: stores,
    tell: announced(publisher),
    clock: new FixedClock(now),
    rights: revised,
    log: new SilentLog(),
  });
  return { job, publisher };
}

/** Tells by announcing: the job's messages as the channels would publish them once sent. */
function announced(publisher: RecordingPublisher): TellPassengers {
  return async (notifications) => {
    await publisher.publish(notifications.map(notificationEntry));
    return notifications;
  };
}

describe('ComputeEntitlements task', () => {
  it('stores each booking’s entitlement and returns what was granted, nothing personal', async () => {
    const { entitlements, rights } = await computed(settings, sw4100Delay);
    expect(rights.map((r) => r.booking_id).sort()).toEqual(idsOf('SW4100').sort());
    expect(JSON.stringify(rights)).not.toMatch(/@|\+\d{8}/);
    const stored = await entitlements.listOfFlight('SW4100');
    expect(stored).toHaveLength(idsOf('SW4100').length);
    expect(stored[0]?.regimes.find((r) => r.regime === 'EU261')?.compensation).toEqual({
      amount: 600,
      currency: 'EUR',
    });
    expect(stored[0]?.claim_notice).toBeNull();
  });

  it('flags an unknown cause for review and treats it as within the carrier’s control', async () => {
    const { entitlements } = await computed(settings, {
      eventType: 'FLIGHT_CANCELLED',
      flightId: 'SW4200',
      reason: 'OTHER',
    });
    const [first] = await entitlements.listOfFlight('SW4200');
    expect(first?.review).toBe(true);
    expect(first?.regimes.find((r) => r.regime === 'UK261')?.compensation).toEqual({
      amount: 220,
      currency: 'GBP',
    });
  });

  it("judges a connecting booking's trip to its onward flight's end, the batch's onward flights read once", async () => {
    const own = new InMemoryStores();
    const edinburgh = own.flights.get('SW4202') as Flight;
    own.flights.set('SW4900', {
      ...edinburgh,
      flight_id: 'SW4900',
      origin: 'EDI',
      destination: 'CDG',
    });
    const ids = [...own.bookings.values()].filter((b) => b.flight_id === 'SW4200');
    if (ids.length < 2) throw new Error('the sample needs two SW4200 bookings');
    for (const b of ids) own.bookings.set(b.booking_id, { ...b, onward_flight_id: 'SW4900' });
    const reads: string[][] = [];
    const entitlements = new InMemoryEntitlementStore();
    const compute = createComputeEntitlements({
      bookings: own,
      flights: {
        getFlights: (flightIds) => {
          reads.push(flightIds);
          return own.getFlights(flightIds);
        },
      },
      offers: noOffers,
      entitlements,
      rights: settings,
      log: new SilentLog(),
    });
    const d = disruption({ eventType: 'FLIGHT_CANCELLED', flightId: 'SW4200', reason: 'CREW' });
    if (d.kind === 'GATE_CHANGE') throw new Error('a cancellation was expected');

    await compute({ kind: d.kind, detail: d.detail, booking_ids: ids.map((b) => b.booking_id) });

    expect(reads).toEqual([['SW4900']]);
    const stored = await entitlements.listOfFlight('SW4200');
    expect(stored.map((e) => e.trip)).toEqual(ids.map(() => ({ destination: 'CDG', legs: 2 })));
  });

  it('liability is the sum of the stored entitlements by regime and currency', async () => {
    const { entitlements } = await computed(settings, {
      eventType: 'FLIGHT_DELAY',
      flightId: 'SW4300',
      delayMinutes: 400,
      reason: 'CREW',
    });
    const list = await entitlements.listOfFlight('SW4300');
    const liability = liabilityOf('SW4300', list);
    const sum = list.reduce(
      (n, e) => n + (e.regimes.find((r) => r.regime === 'APPR')?.compensation?.amount ?? 0),
      0,
    );
    expect(liability.exposure).toEqual([
      { regime: 'APPR', currency: 'CAD', amount: sum, bookings: list.length },
    ]);
    expect(sum).toBe(700 * list.length);
  });
});

describe('messages state exactly the computed rights', () => {
  const promising600: Messenger = {
    name: 'LLM',
    async composeSegment(segment) {
      const { templateFor } = await import('../../../src/domain/messaging/message-templates.ts');
      const t = templateFor(segment);
      return {
        email_subject: t.email_subject,
        email_body: t.email_body.replace(
          '{{rights}}',
          '{{rights}} We will pay you €600 for the wait.',
        ),
        sms_body: t.sms_body,
      };
    },
  };

  it('a model answer that promises €600 where nothing is owed is rejected and the template used', async () => {
    const metrics = new CountingMetrics();
    const generate = createGenerateMessages({
      messenger: promising600,
      metrics,
      log: new SilentLog(),
      rights: settings,
    });
    const d = disruption({
      eventType: 'FLIGHT_DELAY',
      flightId: 'SW1234',
      delayMinutes: 25,
      reason: 'WEATHER',
    });
    const recipients = idsOf('SW1234').map((id) => {
      const booking = stores.bookings.get(id);
      return { booking, passenger: booking && stores.passengers.get(booking.passenger_id) };
    });
    const { messages } = await generate({
      kind: 'DELAY',
      detail: d.detail,
      recipients,
      rights: [],
    });
    const emailed = messages.filter((m) => m.deliveries.some((x) => x.channel === 'EMAIL'));
    expect(emailed.length).toBeGreaterThan(0);
    // Everyone told by e-mail gets the template; an SMS-only passenger never saw the promise.
    for (const m of emailed) expect(m.generated_by).toBe('TEMPLATE');
    for (const m of messages)
      for (const delivery of m.deliveries) expect(delivery.body).not.toContain('600');
    expect(metrics.counts.get('LLMInvocationsFailed')).toBeGreaterThan(0);
  });

  it('the checker rejects an amount or a right the engine did not produce, anywhere', () => {
    const none = { email: '', sms: '' };
    expect(checkRights({ email_body: 'Sorry. You get €600.' }, none)).toContain(
      'states an amount the engine did not produce',
    );
    expect(checkRights({ sms_body: 'EUR 250 for you' }, none)).toContain(
      'states an amount the engine did not produce',
    );
    expect(checkRights({ email_body: 'A hotel is booked for you.' }, none)).toContain(
      'promises a right the engine did not produce',
    );
    expect(checkRights({ email_body: 'Sie erhalten eine Erstattung.' }, none)).toContain(
      'promises a right the engine did not produce',
    );
    const owed = rightsStatement(
      [
        {
          regime: 'EU261',
          applies: true,
          compensation: { amount: 400, currency: 'EUR' },
          refund: false,
          care: [],
        },
      ],
      'en',
      'https://claims.example/c',
    );
    expect(checkRights({ email_body: `Hello.\n\n${owed.email}` }, owed)).toEqual([]);
    expect(checkRights({ email_body: `Hello.\n\n${owed.email} Also €600.` }, owed)).toContain(
      'states an amount the engine did not produce',
    );
    expect(checkRights({ email_body: 'Hello.' }, owed)).toContain(
      'email does not state the computed rights',
    );
  });

  it('writes the rights in every language the templates support, amounts as the engine gave them', () => {
    const granted = [
      {
        regime: 'UK261' as const,
        applies: true,
        compensation: { amount: 220, currency: 'GBP' as const },
        refund: true,
        care: ['MEALS' as const, 'HOTEL' as const],
      },
    ];
    const texts = STATEMENT_LANGUAGES.map((l) =>
      rightsStatement(granted, l, 'https://claims.example/c'),
    );
    for (const t of texts) {
      expect(t.email).toContain('GBP 220');
      expect(t.email).toContain('https://claims.example/c');
      expect(t.sms).toContain('GBP 220 (UK261)');
    }
    expect(new Set(texts.map((t) => t.email)).size).toBe(STATEMENT_LANGUAGES.length);
    expect(rightsStatement([], 'fr', 'x')).toEqual({ email: '', sms: '' });
  });
});

describe('claim-notice job (EU261 revision)', () => {
  it('sends each due passenger the claim link and the reason by e-mail once, and records it', async () => {
    const { entitlements } = await computed(revised, sw4100Delay);
    const { job, publisher } = claimNoticeJob(entitlements, '2025-01-15T20:00:00.000Z');

    expect(await job()).toEqual({ sent: idsOf('SW4100').length, late: 0 });
    expect(publisher.published).toHaveLength(idsOf('SW4100').length);
    for (const entry of publisher.published) {
      expect(entry.detailType).toBe('notification.email');
      expect(String(entry.detail.body)).toContain(
        `${DEFAULT_CLAIM_FORM_URL}?booking=${entry.detail.booking_id}`,
      );
      expect(String(entry.detail.segment)).toBe('CLAIM_NOTICE');
    }
    for (const e of await entitlements.listOfFlight('SW4100'))
      expect(e.claim_notice?.sent_at).toBe('2025-01-15T20:00:00.000Z');
    expect(await job()).toEqual({ sent: 0, late: 0 });
  });

  it('names the extraordinary circumstance invoked when no compensation is offered', async () => {
    const { entitlements } = await computed(revised, {
      eventType: 'FLIGHT_DELAY',
      flightId: 'SW4100',
      delayMinutes: 250,
      reason: 'WEATHER',
    });
    const { job, publisher } = claimNoticeJob(entitlements, '2025-01-18T20:00:00.000Z');
    const run = await job();
    expect(run.late).toBe(run.sent);
    expect(publisher.published.map((e) => String(e.detail.body)).join('\n')).toMatch(
      /außergewöhnlichen Umstand \(WEATHER\)/,
    );
  });

  it('owes no notice under the 2004 rules', async () => {
    const { entitlements } = await computed(settings, sw4100Delay);
    expect(await entitlements.listClaimNoticesDue(10)).toEqual([]);
  });
});
