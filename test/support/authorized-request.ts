import type { Role } from '../../src/domain/identity/roles.ts';
import type { LocalRuntime } from '../../src/runtime/local-runtime.ts';

/** `runtime.app.request` with a bearer token from the runtime's local issuer (admin by default). */
export async function authorizedRequest(
  runtime: LocalRuntime,
  path: string,
  init: RequestInit = {},
  role: Exclude<Role, 'passenger'> = 'admin',
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${await runtime.identity.staffToken(role)}`);
  return runtime.app.request(path, { ...init, headers });
}
