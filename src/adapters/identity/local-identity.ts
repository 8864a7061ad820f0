import type { Role } from '../../domain/identity/roles.ts';
import type { PassengerLinks } from '../../ports/passenger-links.ts';
import type { Clock, TokenVerifier } from '../../ports.ts';
import { JoseTokenVerifier, localKeys } from './jose-token-verifier.ts';
import { LOCAL_AUDIENCE, LocalTokenIssuer } from './local-token-issuer.ts';
import { SignedPassengerLinks } from './signed-passenger-links.ts';

export interface LocalIdentity {
  issuer: LocalTokenIssuer;
  verifier: TokenVerifier;
  links: PassengerLinks;
  /** A token for a staff role (an hour), for in-process callers: the demo, tests, the CLI. */
  staffToken(role: Exclude<Role, 'passenger'>, ttlSeconds?: number): Promise<string>;
}

/**
 * The local runtime's identity: the data directory's issuer, a verifier that trusts exactly its
 * JWKS (the same `jose` code path as Cognito in AWS), and passenger links it signs.
 */
export async function openLocalIdentity(
  dataDir: string,
  clock: Clock,
  publicUrl: string,
): Promise<LocalIdentity> {
  const issuer = await LocalTokenIssuer.open(dataDir, clock);
  const verifier = new JoseTokenVerifier(
    [{ issuer: issuer.issuer, keys: localKeys(await issuer.jwks()), audience: LOCAL_AUDIENCE }],
    clock,
  );
  return {
    issuer,
    verifier,
    links: new SignedPassengerLinks({ issuer, verifier, baseUrl: publicUrl, clock }),
    staffToken: (role, ttlSeconds = 3600) =>
      issuer.issue({ subject: `local:${role}`, roles: [role], ttlSeconds }),
  };
}
