import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { allow, denyUndeclaredRoutes, publicRoute } from '../../../src/api/route-access.ts';
import type { Principal } from '../../../src/domain/identity/roles.ts';
import type { TokenVerifier } from '../../../src/ports.ts';

/** Tokens are principal names here; the verifier's own behaviour is tested with real keys. */
const PRINCIPALS: Record<string, Principal> = {
  viewer: { subject: 'v', roles: ['ops-viewer'] },
  agent: { subject: 'a', roles: ['agent'] },
  paxA: { subject: 'p', roles: ['passenger'], bookingId: 'BKA', passengerId: 'PA' },
};
const verifier: TokenVerifier = {
  async verify(token) {
    const principal = PRINCIPALS[token];
    if (!principal) throw new Error('unknown token');
    return principal;
  },
};

let app: Hono;
beforeAll(() => {
  app = new Hono();
  app.use(denyUndeclaredRoutes(verifier));
  app.get('/open', publicRoute(), (c) => c.json({ ok: true }));
  app.get('/board', allow(['ops-viewer', 'agent']), (c) => c.json({ by: c.var.principal.subject }));
  app.get(
    '/bookings/:bookingId',
    allow(['agent', 'passenger'], { booking: (c) => c.req.param('bookingId') }),
    (c) => c.json({ booking: c.req.param('bookingId') }),
  );
  app.post('/forgotten', (c) => c.json({ changed: true }));
  app.get('/forgotten/:id', (c) => c.json({ id: c.req.param('id') }));
});

const call = (path: string, token?: string, method = 'GET') =>
  app.request(path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('route access', () => {
  it('lets anyone reach a public route', async () => {
    expect((await call('/open')).status).toBe(200);
  });

  it('answers 401 JSON without a valid token, with a Bearer challenge', async () => {
    for (const token of [undefined, 'forged']) {
      const response = await call('/board', token);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.json()).toMatchObject({ error: expect.stringMatching(/Unauthorized/) });
    }
  });

  it('answers 403 to a role the route does not admit', async () => {
    expect((await call('/bookings/BKA', 'viewer')).status).toBe(403);
    expect(await (await call('/board', 'viewer')).json()).toEqual({ by: 'v' });
  });

  it('admits a passenger to their own booking only', async () => {
    expect((await call('/bookings/BKA', 'paxA')).status).toBe(200);
    expect((await call('/bookings/BKB', 'paxA')).status).toBe(403);
    expect((await call('/bookings/BKB', 'agent')).status).toBe(200);
  });

  it('denies a route that declares no roles, whatever the token', async () => {
    const post = await call('/forgotten', 'agent', 'POST');
    expect(post.status).toBe(403);
    expect(await post.json()).toEqual({ error: 'Forbidden: this route declares no roles' });
    expect((await call('/forgotten/1')).status).toBe(403);
  });

  it('refuses to declare a passenger route that does not say whose booking it is', () => {
    expect(() => allow(['passenger'])).toThrow(/which booking or passenger/);
  });
});
