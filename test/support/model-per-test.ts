import { afterEach, vi } from 'vitest';
import {
  type Behaviour,
  type FakeModelServer,
  type Protocol,
  providerEnv,
  startFakeModelServer,
} from './fake-model-server.ts';

export type StartModel = (
  protocol: Protocol,
  behaviour: Behaviour,
) => Promise<{ server: FakeModelServer; env: Record<string, string> }>;

/**
 * For a test file whose tests talk to a fake model: the returned function starts one and stubs
 * its provider settings into process.env (also returned, for code that takes them as an
 * argument); after each test the server is closed and the environment restored.
 */
export function modelPerTest(): StartModel {
  let server: FakeModelServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    vi.unstubAllEnvs();
  });
  return async (protocol, behaviour) => {
    server = await startFakeModelServer(protocol, behaviour);
    const env = providerEnv(protocol, server.url);
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    return { server, env };
  };
}
