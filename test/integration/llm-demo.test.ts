import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDemo } from '../../src/demo/run-demo.ts';
import {
  type FakeModelServer,
  type Protocol,
  providerEnv,
  startFakeModelServer,
} from '../support/fake-model-server.ts';

let server: FakeModelServer | undefined;
afterEach(async () => {
  await server?.close();
  vi.unstubAllEnvs();
});

describe.each<Protocol>(['bedrock', 'anthropic', 'openai'])(
  'the five scenarios with the %s provider',
  (protocol) => {
    it('pass every check, with one model call per segment and every message from the model', async () => {
      server = await startFakeModelServer(protocol, 'good');
      const env = providerEnv(protocol, server.url);
      for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
      const result = await runDemo({ ...process.env, ...env });
      expect(result.scenarios.flatMap((s) => s.checks.filter((c) => !c.passed))).toEqual([]);
      for (const s of result.scenarios) {
        expect(s.messages.model_calls, `scenario ${s.id}`).toBe(s.messages.segments);
        expect(s.messages.by_template, `scenario ${s.id}`).toBe(0);
        expect(s.messages.by_model).toBe(s.notifications.email + s.notifications.sms);
      }
      expect(server.requests.length).toBe(
        result.scenarios.reduce((n, s) => n + s.messages.model_calls, 0),
      );
    }, 60_000);
  },
);
