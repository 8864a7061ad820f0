import { z } from 'zod';
import {
  JoseTokenVerifier,
  remoteKeys,
  type TrustedIssuer,
} from '../adapters/identity/jose-token-verifier.ts';
import { describeIssues } from '../domain/records/describe-issues.ts';
import type { Clock, TokenVerifier } from '../ports.ts';

const CognitoEnvSchema = z.object({
  AWS_REGION: z.string().min(1),
  COGNITO_USER_POOL_ID: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'a Cognito user pool id'),
  COGNITO_CLIENT_ID: z.string().min(1),
  /** The passenger-links client: passengers' tokens from their offer links. */
  COGNITO_PASSENGER_CLIENT_ID: z.string().min(1).optional(),
});

/**
 * The API's verifier in AWS: the same `jose` verifier as locally, trusting the Cognito user
 * pool's issuer and JWKS (groups are roles). API Gateway's Cognito authorizer checks the token
 * first; the app checks it again and decides per route. `alsoTrusted`: the passenger-link issuer.
 */
export function cognitoVerifier(
  env: Record<string, string | undefined>,
  clock: Clock,
  alsoTrusted: TrustedIssuer[] = [],
): TokenVerifier {
  const parsed = CognitoEnvSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(`invalid Lambda environment: ${describeIssues(parsed.error)}`);
  const { AWS_REGION, COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_PASSENGER_CLIENT_ID } =
    parsed.data;
  const audience = [
    COGNITO_CLIENT_ID,
    ...(COGNITO_PASSENGER_CLIENT_ID ? [COGNITO_PASSENGER_CLIENT_ID] : []),
  ];
  const issuer = `https://cognito-idp.${AWS_REGION}.amazonaws.com/${COGNITO_USER_POOL_ID}`;
  return new JoseTokenVerifier(
    [{ issuer, keys: remoteKeys(`${issuer}/.well-known/jwks.json`), audience }, ...alsoTrusted],
    clock,
  );
}
