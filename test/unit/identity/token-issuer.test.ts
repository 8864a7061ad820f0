import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  JoseTokenVerifier,
  localKeys,
} from '../../../src/adapters/identity/jose-token-verifier.ts';
import { openLocalIdentity } from '../../../src/adapters/identity/local-identity.ts';
import {
  LINK_ISSUER,
  LOCAL_AUDIENCE,
  LocalTokenIssuer,
} from '../../../src/adapters/identity/local-token-issuer.ts';
import { SignedPassengerLinks } from '../../../src/adapters/identity/signed-passenger-links.ts';
import type { Clock } from '../../../src/ports.ts';

let dataDir: string;
let now = '2026-03-01T10:00:00.000Z';
const clock: Clock = { now: () => now };

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'flightpulse-identity-'));
  now = '2026-03-01T10:00:00.000Z';
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('local token issuer', () => {
  it('keeps its signing key in the data directory, readable by the owner only', async () => {
    const first = await openLocalIdentity(dataDir, clock, 'http://127.0.0.1:3000');
    const file = join(dataDir, 'identity', 'signing-key.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await openLocalIdentity(dataDir, clock, 'http://127.0.0.1:3000');
    expect(await again.issuer.jwks()).toEqual(await first.issuer.jwks());
    // A token from one process verifies in another that opened the same directory.
    const token = await first.staffToken('agent');
    expect(await again.verifier.verify(token)).toEqual({
      subject: 'local:agent',
      roles: ['agent'],
    });
    // The JWKS publishes the public key only.
    const [key] = (await first.issuer.jwks()).keys;
    expect(key).not.toHaveProperty('d');
    expect(JSON.parse(readFileSync(file, 'utf8')).private).toHaveProperty('d');
  });

  it('rejects an expired token, a token from another issuer key and a tampered one', async () => {
    const identity = await openLocalIdentity(dataDir, clock, 'http://x');
    const token = await identity.staffToken('admin', 60);
    now = '2026-03-01T10:02:00.000Z';
    await expect(identity.verifier.verify(token)).rejects.toThrow(/exp/);

    const otherDir = mkdtempSync(join(tmpdir(), 'flightpulse-identity-'));
    const other = await openLocalIdentity(otherDir, clock, 'http://x');
    rmSync(otherDir, { recursive: true, force: true });
    await expect(identity.verifier.verify(await other.staffToken('admin'))).rejects.toThrow();

    const [header, payload, signature] = (await identity.staffToken('ops-viewer')).split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admin'] })).toString(
      'base64url',
    );
    await expect(identity.verifier.verify(`${header}.${forged}.${signature}`)).rejects.toThrow();
    await expect(identity.verifier.verify('not-a-token')).rejects.toThrow(/not a JWT/);
  });

  it('accepts only its own audience', async () => {
    const identity = await openLocalIdentity(dataDir, clock, 'http://x');
    const strict = new JoseTokenVerifier(
      [
        {
          issuer: identity.issuer.issuer,
          keys: localKeys(await identity.issuer.jwks()),
          audience: 'another-api',
        },
      ],
      clock,
    );
    await expect(strict.verify(await identity.staffToken('agent'))).rejects.toThrow(/audience/);
    expect(LOCAL_AUDIENCE).toBe('flightpulse-api');
  });
});

describe('passenger links', () => {
  it('carry a short-lived token bound to one booking and its passenger', async () => {
    const identity = await openLocalIdentity(dataDir, clock, 'https://fly.example.com');
    const link = await identity.links.create({
      bookingId: 'BK001',
      passengerId: 'PAX001',
      path: '/passenger/offers/O1',
      ttlSeconds: 900,
    });
    const url = new URL(link.url);
    expect(url.origin + url.pathname).toBe('https://fly.example.com/passenger/offers/O1');
    expect(url.searchParams.get('token')).toBe(link.token);
    expect(link.expiresAt).toBe('2026-03-01T10:15:00.000Z');
    expect(await identity.verifier.verify(link.token)).toEqual({
      subject: 'passenger:PAX001',
      roles: ['passenger'],
      bookingId: 'BK001',
      passengerId: 'PAX001',
    });
    now = '2026-03-01T10:15:01.000Z';
    await expect(identity.verifier.verify(link.token)).rejects.toThrow(/exp/);
  });
});

describe('offer links', () => {
  it('are passenger links: bound to one booking, void after the offer expires', async () => {
    const identity = await openLocalIdentity(dataDir, clock, 'https://fly.example.com/');
    const link = await identity.links.offerLink(
      { booking_id: 'B011', passenger_id: 'P007' },
      '2026-03-01T10:30:00.000Z',
    );
    const [base, token] = link.split('/#/offer/');
    expect(base).toBe('https://fly.example.com');
    expect(await identity.links.verify(token as string)).toEqual({
      bookingId: 'B011',
      passengerId: 'P007',
    });
    // The same token is a bearer token for that booking's passenger.
    expect((await identity.verifier.verify(token as string)).bookingId).toBe('B011');
    now = '2026-03-01T10:30:01.000Z';
    expect(await identity.links.verify(token as string)).toBeUndefined();
  });

  it('refuse staff tokens, tampered tokens and another issuer’s links', async () => {
    const identity = await openLocalIdentity(dataDir, clock, 'https://fly.example.com');
    expect(await identity.links.verify(await identity.staffToken('admin'))).toBeUndefined();
    const link = await identity.links.offerLink(
      { booking_id: 'B011', passenger_id: 'P007' },
      '2026-03-01T10:30:00.000Z',
    );
    const token = link.split('/#/offer/')[1] as string;
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, booking_id: 'B001' })).toString(
      'base64url',
    );
    expect(await identity.links.verify(`${header}.${forged}.${signature}`)).toBeUndefined();
    const elsewhere = mkdtempSync(join(tmpdir(), 'flightpulse-identity-'));
    const other = await openLocalIdentity(elsewhere, clock, 'https://fly.example.com');
    expect(await other.links.verify(token)).toBeUndefined();
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('can be signed with a key held elsewhere (AWS: SSM) under the link issuer', async () => {
    const { generateKeyPair, exportJWK, calculateJwkThumbprint } = await import('jose');
    const pair = await generateKeyPair('ES256', { extractable: true });
    const jwk = await exportJWK(pair.privateKey);
    const kid = await calculateJwkThumbprint(await exportJWK(pair.publicKey));
    const issuer = LocalTokenIssuer.fromPrivateJwk({ ...jwk, kid }, clock, LINK_ISSUER);
    const { keys } = await issuer.jwks();
    expect(keys[0]).not.toHaveProperty('d');
    const verifier = new JoseTokenVerifier(
      [{ issuer: LINK_ISSUER, keys: localKeys({ keys }), audience: LOCAL_AUDIENCE }],
      clock,
    );
    const links = new SignedPassengerLinks({ issuer, verifier, baseUrl: 'https://x', clock });
    const link = await links.create({ bookingId: 'B1', passengerId: 'P1', path: '/' });
    expect(await links.verify(link.token)).toEqual({ bookingId: 'B1', passengerId: 'P1' });
    expect(() =>
      LocalTokenIssuer.fromPrivateJwk({ kty: 'oct', k: 'x' }, clock, LINK_ISSUER),
    ).toThrow(/P-256/);
  });
});
