import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/run-demo.ts';
import { modelPerTest } from '../support/model-per-test.ts';

const startModel = modelPerTest();

describe('a model that promises €600 on its own', () => {
  it('is overruled: every message comes from the template and states only what the engine owes', async () => {
    // Over the OpenAI wire protocol on loopback: the model adds a €600 promise to every message, in scenario 1 (a US weather delay: nothing owed) and scenario 6 (EU261 owes €600,
    // but only the engine's own sentence may say so).
    const { server, env } = await startModel('openai', 'promises-600');
    const result = await runDemo(
      { ...process.env, ...env },
      {
        infrastructure: 'embedded',
        scenarios: [1, 6],
      },
    );
    // The demo's own checks include "messages state exactly the computed rights".
    expect(result.scenarios.flatMap((s) => s.checks.filter((c) => !c.passed))).toEqual([]);
    expect(server.requests.length).toBeGreaterThan(0);
    for (const s of result.scenarios) {
      expect(s.messages.model_calls, `scenario ${s.id}`).toBeGreaterThan(0);
      expect(s.messages.by_model, `scenario ${s.id}`).toBe(0);
      expect(s.messages.by_template, `scenario ${s.id}`).toBe(
        s.notifications.email + s.notifications.sms - s.messages.fixed_wording,
      );
    }
  }, 60_000);
});
