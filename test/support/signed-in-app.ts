import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { openLocalIdentity } from '../../src/adapters/identity/local-identity.ts';
import { denyUndeclaredRoutes } from '../../src/api/route-access.ts';
import type { Role } from '../../src/domain/identity/roles.ts';

/**
 * Mounts routes the way the app does (default deny, real token verification with a fresh local
 * issuer) and calls them as one staff role.
 */
export async function signedInApp(
  routes: Hono,
  role: Exclude<Role, 'passenger'> = 'admin',
): Promise<{ request: (path: string, init?: RequestInit) => Promise<Response> }> {
  const dir = mkdtempSync(join(tmpdir(), 'flightpulse-signed-in-'));
  const identity = await openLocalIdentity(
    dir,
    { now: () => new Date().toISOString() },
    'http://x',
  );
  const token = await identity.staffToken(role);
  rmSync(dir, { recursive: true, force: true });
  const app = new Hono();
  app.use(denyUndeclaredRoutes(identity.verifier));
  app.route('/', routes);
  return {
    request: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return Promise.resolve(app.request(path, { ...init, headers }));
    },
  };
}
