import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  SignJWT,
} from 'jose';
import type { Clock, TokenIssuer, TokenRequest } from '../../ports.ts';

const ALGORITHM = 'ES256';
/** The issuer name of locally signed tokens (the `iss` claim). */
export const LOCAL_ISSUER = 'urn:flightpulse:local-issuer';
export const LOCAL_AUDIENCE = 'flightpulse-api';
/** The issuer name of passenger links signed in AWS (key in an SSM SecureString). */
export const LINK_ISSUER = 'urn:flightpulse:passenger-links';

interface StoredKey {
  private: JWK;
  public: JWK;
}

/**
 * The built-in issuer of the local runtime: an ES256 key pair kept in the data directory
 * (`identity/signing-key.json`, owner-only), so the server, the CLI's `token` command and tests
 * that share a data directory sign and verify with the same keys.
 */
export class LocalTokenIssuer implements TokenIssuer {
  readonly issuer: string;

  private readonly key: StoredKey;
  private readonly clock: Clock;

  private constructor(key: StoredKey, clock: Clock, issuer = LOCAL_ISSUER) {
    this.key = key;
    this.clock = clock;
    this.issuer = issuer;
  }

  /**
   * An issuer over a private ES256 JWK held elsewhere (in AWS: the passenger-link key in an SSM
   * SecureString), named `issuer`. The public half is the JWK without its private part.
   */
  static fromPrivateJwk(privateJwk: JWK, clock: Clock, issuer: string): LocalTokenIssuer {
    if (privateJwk.kty !== 'EC' || privateJwk.crv !== 'P-256' || !privateJwk.d || !privateJwk.kid)
      throw new Error('the link signing key must be a private P-256 JWK with a kid');
    const { d: _private, ...publicJwk } = privateJwk;
    const key: StoredKey = {
      private: { ...privateJwk, alg: ALGORITHM, use: 'sig' },
      public: { ...publicJwk, alg: ALGORITHM, use: 'sig' },
    };
    return new LocalTokenIssuer(key, clock, issuer);
  }

  /** Loads the data directory's signing key, creating it the first time. */
  static async open(dataDir: string, clock: Clock): Promise<LocalTokenIssuer> {
    const dir = join(dataDir, 'identity');
    const file = join(dir, 'signing-key.json');
    const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (existing !== undefined) return new LocalTokenIssuer(JSON.parse(existing), clock);
    const pair = await generateKeyPair(ALGORITHM, { extractable: true });
    const publicJwk = await exportJWK(pair.publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const key: StoredKey = {
      private: { ...(await exportJWK(pair.privateKey)), kid, alg: ALGORITHM, use: 'sig' },
      public: { ...publicJwk, kid, alg: ALGORITHM, use: 'sig' },
    };
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // Exclusive create: two processes starting at once keep the first key, not a mix.
    try {
      await writeFile(file, JSON.stringify(key), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return LocalTokenIssuer.open(dataDir, clock);
    }
    await chmod(file, 0o600);
    return new LocalTokenIssuer(key, clock);
  }

  async issue(request: TokenRequest): Promise<string> {
    const now = Math.floor(Date.parse(this.clock.now()) / 1000);
    const claims: Record<string, unknown> = { 'cognito:groups': request.roles };
    if (request.booking) {
      claims.booking_id = request.booking.bookingId;
      claims.passenger_id = request.booking.passengerId;
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: this.key.public.kid as string, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject(request.subject)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + request.ttlSeconds)
      .sign(await importJWK(this.key.private, ALGORITHM));
  }

  async jwks(): Promise<{ keys: Array<Record<string, unknown>> }> {
    return { keys: [{ ...this.key.public }] };
  }
}
