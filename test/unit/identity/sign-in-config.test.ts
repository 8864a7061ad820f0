import { describe, expect, it } from 'vitest';
import { signInRoutes } from '../../../src/api/sign-in-routes.ts';
import { PASSENGER_LINK_USER } from '../../../src/handlers/passenger-sign-in.ts';
import type { BookingStore, TokenIssuer } from '../../../src/ports.ts';

const deps = {
  issuer: {} as TokenIssuer,
  bookings: {} as BookingStore,
};

describe('GET /auth/config', () => {
  it('names the passenger-links client when there is one, so offer pages trade their link for a Cognito token', async () => {
    const routes = signInRoutes({
      ...deps,
      hosted: {
        domain: 'fp.auth.eu-west-1.amazoncognito.com',
        clientId: 'console',
        redirectUri: 'https://c/',
      },
      passengerSignIn: {
        region: 'eu-west-1',
        clientId: 'passengers',
        username: PASSENGER_LINK_USER,
      },
    });
    expect(await (await routes.request('/auth/config')).json()).toEqual({
      mode: 'cognito',
      domain: 'fp.auth.eu-west-1.amazoncognito.com',
      client_id: 'console',
      redirect_uri: 'https://c/',
      passenger_sign_in: {
        region: 'eu-west-1',
        client_id: 'passengers',
        username: PASSENGER_LINK_USER,
      },
    });
  });

  it('leaves it out locally, where the link itself is the bearer', async () => {
    const body = (await (await signInRoutes(deps).request('/auth/config')).json()) as Record<
      string,
      unknown
    >;
    expect(body.mode).toBe('local');
    expect(body.passenger_sign_in).toBeUndefined();
  });
});
