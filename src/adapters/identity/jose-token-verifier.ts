import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { principalFromClaims } from '../../domain/identity/principal-claims.ts';
import type { Principal } from '../../domain/identity/roles.ts';
import type { Clock, TokenVerifier } from '../../ports.ts';

/** One issuer the API trusts: its name, its keys and the audience (or Cognito app client) it signs for. */
export interface TrustedIssuer {
  issuer: string;
  keys: JWTVerifyGetKey;
  /** Accepted as `aud` (ID tokens, local tokens) or `client_id` (Cognito access tokens). */
  audience: string | string[];
}

export class TokenRejectedError extends Error {
  override name = 'TokenRejectedError';
}

/** Keys from a JWKS document held in memory (the local issuer's). */
export function localKeys(jwks: { keys: Array<Record<string, unknown>> }): JWTVerifyGetKey {
  return createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]);
}

/** Keys fetched (and cached) from a JWKS URL, such as a Cognito user pool's. */
export function remoteKeys(url: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url));
}

/**
 * Verifies bearer tokens with `jose`: signature against the issuer's JWKS, `iss`, expiry and
 * audience, then reads the principal. The same code verifies Cognito's tokens in AWS and the
 * local issuer's on a laptop; only the list of trusted issuers differs.
 */
export class JoseTokenVerifier implements TokenVerifier {
  private readonly issuers: TrustedIssuer[];
  private readonly clock: Clock;

  constructor(issuers: TrustedIssuer[], clock: Clock) {
    this.issuers = issuers;
    this.clock = clock;
  }

  async verify(token: string): Promise<Principal> {
    let issuerName: string | undefined;
    try {
      issuerName = decodeJwt(token).iss;
    } catch {
      throw new TokenRejectedError('not a JWT');
    }
    const trusted = this.issuers.find((i) => i.issuer === issuerName);
    if (!trusted) throw new TokenRejectedError('untrusted issuer');
    try {
      const { payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.issuer,
        algorithms: ['ES256', 'RS256'],
        currentDate: new Date(this.clock.now()),
      });
      const accepted = [trusted.audience].flat();
      const audiences = [payload.aud ?? [], String(payload.client_id ?? '')].flat();
      if (!audiences.some((a) => accepted.includes(a)))
        throw new TokenRejectedError('token is for another audience');
      return principalFromClaims(payload);
    } catch (error) {
      if (error instanceof TokenRejectedError) throw error;
      throw new TokenRejectedError((error as Error).message);
    }
  }
}
