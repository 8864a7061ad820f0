import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationDetail } from '../../src/domain/event-routing/bus-events.ts';
import { SCENARIO_IDS } from '../../src/simulator/scenarios.ts';
import {
  type FakeModelServer,
  providerEnv,
  startFakeModelServer,
} from '../support/fake-model-server.ts';
import { passenger } from '../support/fixtures.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';

let model: FakeModelServer;
let stack: LocalStack;

beforeAll(async () => {
  model = await startFakeModelServer('openai', 'good');
  stack = await startLocalStack(providerEnv('openai', model.url));
}, 60_000);
afterAll(async () => {
  await stack.stop();
  await model.close();
});

/** Every notification recorded for a flight. */
async function notificationsOf(flightId: string): Promise<NotificationDetail[]> {
  const { body } = await stack.get<{ notifications: NotificationDetail[] }>(
    `/notifications?flight_id=${flightId}&limit=200`,
  );
  return body.notifications;
}

/** What the loopback carrier delivered to handsets (the passengers' phones). */
function handset(): Array<{ channel: string; to: string }> {
  const file = join(stack.dataDir, 'inboxes', 'handset.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

async function run(scenario: number): Promise<void> {
  const { status } = await stack.post(`/scenarios/${scenario}`, {});
  expect(status, `scenario ${scenario}`).toBe(202);
  expect(await stack.runtime.idle()).toEqual([]);
}

describe('preferences and consent', () => {
  it('are the passenger’s own to read and change, each change recorded with who, when and what', async () => {
    const aisha = await stack.as({ passengerOf: 'B002' });
    const changed = await aisha.put('/passengers/P003/preferences', {
      sms: false,
      personalisation: false,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      preferences: { email: true, sms: false, push: false, personalisation: false },
      version: 1,
      change: {
        changed_by: 'passenger:P003',
        source: 'passenger',
        changes: [
          { preference: 'sms', from: true, to: false },
          { preference: 'personalisation', from: true, to: false },
        ],
      },
    });
    const read = await aisha.get<{ history: Array<{ changed_at: string }> }>(
      '/passengers/P003/preferences',
    );
    expect(read.status).toBe(200);
    expect(read.body.history).toHaveLength(1);
    expect(Date.parse(read.body.history[0]?.changed_at ?? '')).not.toBeNaN();
    // Setting a value to what it is records nothing.
    const agent = await stack.as('agent');
    expect((await agent.put('/passengers/P003/preferences', { email: true })).body).toMatchObject({
      version: 1,
      change: null,
    });
    // Someone else's, a viewer, no token, a bad body.
    expect((await aisha.put('/passengers/P001/preferences', { sms: false })).status).toBe(403);
    expect((await (await stack.as('ops-viewer')).get('/passengers/P003/preferences')).status).toBe(
      403,
    );
    expect((await (await stack.as('anonymous')).get('/passengers/P003/preferences')).status).toBe(
      401,
    );
    for (const bad of [{}, { sms: 'no' }, { fax: true }])
      expect((await aisha.put('/passengers/P003/preferences', bad)).status).toBe(400);
    expect((await agent.put('/passengers/P999/preferences', { sms: false })).status).toBe(404);
  });

  it('keep a passenger who opted out of SMS from every SMS, and one without consent from the model, in every scenario', async () => {
    const agent = await stack.as('agent');
    // Everyone on SW3456 withholds consent: the gate change there must reach no model.
    for (const passengerId of ['P002', 'P007'])
      expect(
        (await agent.put(`/passengers/${passengerId}/preferences`, { personalisation: false }))
          .status,
      ).toBe(200);
    const before = model.requests.length;
    await run(4);
    expect(model.requests.length).toBe(before);
    const gate = await notificationsOf('SW3456');
    expect(gate.length).toBeGreaterThan(0);
    expect(gate.every((n) => n.generated_by === 'TEMPLATE')).toBe(true);

    // The weather scenario first: it issues a waiver on SW1234 while the flight is still scheduled.
    const rest = SCENARIO_IDS.filter((id) => id !== 4).sort((a, b) => b - a);
    for (const scenario of rest) await run(scenario);
    const all = (
      await Promise.all(['SW1234', 'SW5678', 'SW9012', 'SW3456', 'SW7890'].map(notificationsOf))
    ).flat();
    const aisha = all.filter((n) => n.passenger_id === 'P003');
    // Told (by e-mail) on both of her flights, never by SMS, never in a model's words.
    expect(new Set(aisha.map((n) => n.flight_id))).toEqual(new Set(['SW1234', 'SW3456']));
    expect(aisha.filter((n) => n.channel === 'SMS')).toEqual([]);
    expect(aisha.every((n) => n.generated_by === 'TEMPLATE')).toBe(true);
    const { phone } = passenger('P003');
    expect(handset().filter((m) => m.to === phone)).toEqual([]);
    // The model was in use for those who consented.
    expect(model.requests.length).toBeGreaterThan(before);
    expect(all.some((n) => n.passenger_id === 'P001' && n.generated_by === 'LLM')).toBe(true);
  }, 120_000);
});
