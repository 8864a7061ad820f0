import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/run-demo.ts';
import type { Protocol } from '../support/fake-model-server.ts';
import { modelPerTest } from '../support/model-per-test.ts';

const startModel = modelPerTest();

describe.each<Protocol>(['bedrock', 'anthropic', 'openai'])(
  'the five scenarios with the %s provider',
  (protocol) => {
    it('pass every check, with one model call per distinct segment and every message from the model', async () => {
      const { server, env } = await startModel(protocol, 'good');
      const result = await runDemo({ ...process.env, ...env });
      expect(result.scenarios.flatMap((s) => s.checks.filter((c) => !c.passed))).toEqual([]);
      for (const s of result.scenarios) {
        // Segments composed in an earlier scenario are reused, so a scenario may call less.
        expect(s.messages.model_calls, `scenario ${s.id}`).toBeLessThanOrEqual(s.messages.segments);
        expect(s.messages.by_template, `scenario ${s.id}`).toBe(0);
        // Offer outcomes and heads-ups have fixed wording; every other message is the model's.
        expect(s.messages.by_model, `scenario ${s.id}`).toBe(
          s.notifications.email + s.notifications.sms - s.messages.fixed_wording,
        );
      }
      // Each distinct segment of the whole run was composed exactly once.
      const distinct = new Set(result.scenarios.flatMap((s) => s.messages.segment_keys));
      expect(server.requests.length).toBe(distinct.size);
      expect(result.scenarios.reduce((n, s) => n + s.messages.model_calls, 0)).toBe(distinct.size);
    }, 60_000);
  },
);
