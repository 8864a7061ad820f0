import { describe, expect, it } from 'vitest';
import { createMessenger } from '../../src/adapters/llm/create-messenger.ts';
import type { LlmMessenger } from '../../src/adapters/llm/llm-messenger.ts';
import { LlmSettingsSchema } from '../../src/adapters/llm/llm-settings.ts';
import { InMemoryMetrics } from '../../src/adapters/local/cloudwatch/in-memory-metrics.ts';
import { checkMessage } from '../../src/domain/messaging/check-message.ts';
import type { PassengerMessage } from '../../src/domain/notifications/passenger-message.ts';
import type { Booking } from '../../src/domain/records/booking.ts';
import type { Passenger, Tier } from '../../src/domain/records/passenger.ts';
import { createGenerateMessages } from '../../src/handlers/generate-messages.ts';
import type { Behaviour, FakeModelServer, Protocol } from '../support/fake-model-server.ts';
import { booking, disruption, passenger } from '../support/fixtures.ts';
import { modelPerTest } from '../support/model-per-test.ts';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const clock = { now: () => '2025-01-15T12:00:00.000Z' };
const startModel = modelPerTest();
/** The model the current test started. */
let server: FakeModelServer | undefined;

/** A wide-body's worth of passengers: 60 bookings over a handful of segments. */
function bigFlight(): Array<{ booking: Booking; passenger: Passenger }> {
  const tiers: Tier[] = ['MEMBER', 'MEMBER', 'MEMBER', 'A-LIST', 'A-LIST_PREFERRED'];
  return Array.from({ length: 60 }, (_, i) => {
    const p: Passenger = {
      ...passenger('P002'),
      language: 'en',
      passenger_id: `P${String(100 + i)}`,
      first_name: ['Ana', 'Bo', 'Chidi', 'Dana', 'Elif', 'Farah'][i % 6] as string,
      tier: tiers[i % tiers.length] as Tier,
      notification_preferences: { email: true, sms: i % 2 === 0, push: false },
    };
    const b: Booking = {
      ...booking('B002'),
      booking_id: `B${String(100 + i)}`,
      passenger_id: p.passenger_id,
      seat: `${(i % 30) + 1}C`,
      special_requests: i % 10 === 0 ? ['WHEELCHAIR_ASSISTANCE'] : [],
    };
    return { booking: b, passenger: p };
  });
}

async function generate(protocol: Protocol, behaviour: Behaviour) {
  const started = await startModel(protocol, behaviour);
  server = started.server;
  const { env } = started;
  const messenger = (await createMessenger(
    LlmSettingsSchema.parse(env),
    'us-east-1',
  )) as LlmMessenger;
  const metrics = new InMemoryMetrics(clock);
  const handler = createGenerateMessages({ messenger, metrics, log: silent });
  const d = disruption({
    eventType: 'FLIGHT_DELAY',
    flightId: 'SW5678',
    delayMinutes: 150,
    reason: 'WEATHER',
  });
  const recipients = bigFlight();
  const first = await handler({
    kind: 'DELAY',
    detail: d.detail,
    recipients: recipients.slice(0, 30),
  });
  const second = await handler({
    kind: 'DELAY',
    detail: d.detail,
    recipients: recipients.slice(30),
  });
  const messages = [...first.messages, ...second.messages];
  const problems = messages.flatMap((m: PassengerMessage) => {
    const r = recipients.find((x) => x.booking.booking_id === m.booking_id);
    if (!r) return ['unknown booking'];
    const email = m.deliveries.find((x) => x.channel === 'EMAIL');
    const sms = m.deliveries.find((x) => x.channel === 'SMS');
    return checkMessage(
      {
        ...(email ? { email_subject: email.subject ?? '', email_body: email.body } : {}),
        ...(sms ? { sms_body: sms.body } : {}),
      },
      r.passenger,
      r.booking,
      d,
    );
  });
  return {
    messenger,
    metrics: metrics.summary().totals,
    messages,
    problems,
    segments: new Set(messages.map((m) => m.segment)).size,
  };
}

describe.each<Protocol>(['bedrock', 'anthropic', 'openai'])(
  '%s provider over its wire protocol',
  (protocol) => {
    it('composes once per segment, not per passenger, and every message follows the rules', async () => {
      const { messenger, metrics, messages, problems, segments } = await generate(protocol, 'good');
      expect(messages).toHaveLength(60);
      expect(segments).toBeLessThan(10);
      expect(messenger.calls).toBe(segments);
      expect(server?.requests).toHaveLength(segments);
      expect(metrics.LLMInvocationsSuccess).toBe(segments);
      expect(metrics.LLMInvocationsFailed).toBeUndefined();
      expect(messages.every((m) => m.generated_by === 'LLM')).toBe(true);
      expect(
        messages.some((m) =>
          m.deliveries.some((d) => d.body.includes('Customer Care, FlightPulse')),
        ),
      ).toBe(true);
      expect(problems).toEqual([]);
    });

    it.each<Behaviour>(['malformed', 'failing', 'slow', 'rule-breaking', 'wrong-language'])(
      'falls back to the templates when the answer is %s',
      async (behaviour) => {
        const { metrics, messages, problems, segments } = await generate(protocol, behaviour);
        expect(messages).toHaveLength(60);
        expect(messages.every((m) => m.generated_by === 'TEMPLATE')).toBe(true);
        expect(metrics.LLMInvocationsFailed).toBe(segments);
        expect(metrics.LLMInvocationsSuccess).toBeUndefined();
        expect(problems).toEqual([]);
      },
    );
  },
);

describe('the message checker on model output', () => {
  it('falls back to the templates exactly for the segments whose SMS leaves out the tier', async () => {
    const { messages, problems, metrics } = await generate('openai', 'bare-sms');
    const bySegment = new Map(messages.map((m) => [m.segment, m.generated_by]));
    for (const [segment, generatedBy] of bySegment) {
      const [, , tier, , channels] = segment.split('|');
      const needsTier = tier !== 'MEMBER' && channels !== 'EMAIL';
      expect(generatedBy, segment).toBe(needsTier ? 'TEMPLATE' : 'LLM');
    }
    expect(metrics.LLMInvocationsFailed).toBeGreaterThan(0);
    expect(metrics.LLMInvocationsSuccess).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe('provider settings', () => {
  it('explain what is missing', () => {
    expect(
      LlmSettingsSchema.safeParse({ LLM_PROVIDER: 'anthropic' }).error?.issues[0]?.message,
    ).toMatch(/ANTHROPIC_API_KEY|required/);
    expect(LlmSettingsSchema.safeParse({ LLM_PROVIDER: 'openai' }).success).toBe(false);
    expect(LlmSettingsSchema.safeParse({ LLM_PROVIDER: 'gemini' }).success).toBe(false);
    expect(LlmSettingsSchema.parse({}).BEDROCK_MODEL_ID).toBe(
      'anthropic.claude-haiku-4-5-20251001-v1:0',
    );
  });
});
