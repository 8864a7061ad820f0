import { describe, expect, it } from 'vitest';
import { createMessenger } from '../../src/adapters/llm/create-messenger.ts';
import { LlmSettingsSchema } from '../../src/adapters/llm/llm-settings.ts';
import { TemplateMessenger } from '../../src/adapters/llm/template-messenger.ts';
import { InMemoryMetrics } from '../../src/adapters/local/cloudwatch/in-memory-metrics.ts';
import { checkMessage } from '../../src/domain/messaging/check-message.ts';
import { createGenerateMessages } from '../../src/handlers/generate-messages.ts';
import type { Messenger } from '../../src/ports.ts';
import type { Protocol } from '../support/fake-model-server.ts';
import { everySampleCase } from '../support/message-cases.ts';
import { modelPerTest } from '../support/model-per-test.ts';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const clock = { now: () => '2025-01-15T12:00:00.000Z' };
const startModel = modelPerTest();

/**
 * Every sample passenger, every severity on their own flight, through the generate-messages
 * task: each message that would be sent is checked against every rule in the passenger's
 * language. Returns the problems and who wrote each message.
 */
async function generateEverything(messenger: Messenger) {
  const metrics = new InMemoryMetrics(clock);
  const generate = createGenerateMessages({ messenger, metrics, log: silent });
  const problems: string[] = [];
  const writers = new Set<string>();
  let told = 0;
  for (const c of everySampleCase()) {
    const { messages } = await generate({
      kind: c.disruption.kind,
      detail: c.disruption.detail,
      recipients: [{ booking: c.booking, passenger: c.passenger }],
    });
    for (const m of messages) {
      told++;
      writers.add(m.generated_by);
      const email = m.deliveries.find((d) => d.channel === 'EMAIL');
      const sms = m.deliveries.find((d) => d.channel === 'SMS');
      const message = {
        ...(email ? { email_subject: email.subject ?? '', email_body: email.body } : {}),
        ...(sms ? { sms_body: sms.body } : {}),
      };
      for (const p of checkMessage(message, c.passenger, c.booking, c.disruption))
        problems.push(`${c.name}: ${p}`);
    }
  }
  return { problems, writers, told, metrics: metrics.summary().totals };
}

describe('every message to every sample passenger obeys every rule in their language', () => {
  it('from the templates', async () => {
    const { problems, writers, told } = await generateEverything(new TemplateMessenger());
    expect(told).toBe(everySampleCase().length);
    expect(writers).toEqual(new Set(['TEMPLATE']));
    expect(problems).toEqual([]);
  });

  it.each<Protocol>(['bedrock', 'anthropic', 'openai'])(
    'from a model over the %s wire protocol',
    async (protocol) => {
      const { server, env } = await startModel(protocol, 'good');
      const messenger = await createMessenger(LlmSettingsSchema.parse(env), 'us-east-1');
      const { problems, writers, told, metrics } = await generateEverything(messenger);
      expect(told).toBe(everySampleCase().length);
      expect(writers).toEqual(new Set(['LLM']));
      expect(metrics.LLMInvocationsFailed).toBeUndefined();
      // The model was asked in each passenger's language.
      const asked = server.requests.map((r) => /Segment: (\{.*\})/.exec(JSON.stringify(r.body)));
      expect(asked.every(Boolean)).toBe(true);
      const languages = new Set(
        server.requests.map((r) => /\\"language\\":\\"(\w\w)\\"/.exec(JSON.stringify(r.body))?.[1]),
      );
      expect(languages).toEqual(new Set(['en', 'es', 'fr', 'de']));
      expect(problems).toEqual([]);
    },
  );

  it('falls back to the templates, still in the passenger’s language, when the model answers in another', async () => {
    const { env } = await startModel('openai', 'wrong-language');
    const messenger = await createMessenger(LlmSettingsSchema.parse(env), 'us-east-1');
    const { problems, writers, metrics } = await generateEverything(messenger);
    expect(writers).toEqual(new Set(['TEMPLATE']));
    expect(metrics.LLMInvocationsSuccess).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
