/**
 * In AWS every API method sits behind the Cognito authorizer, which knows nothing of passenger
 * links. When the server names a passenger-links client (`passenger_sign_in` in /auth/config),
 * the offer page first trades its link for a short-lived Cognito ID token: Cognito's custom
 * sign-in, whose one challenge is the link itself (verified by the same jose code as the API's).
 * Locally there is no such client and the link's token is the bearer as it is.
 */

interface PassengerSignIn {
  region: string;
  client_id: string;
  username: string;
}

/** One call of Cognito's user pools API (public, CORS-enabled, unauthenticated by design). */
async function cognito(region: string, action: string, body: unknown): Promise<unknown> {
  const response = await fetch(`https://cognito-idp.${region}.amazonaws.com/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${action}: ${response.status}`);
  return response.json();
}

async function exchange(config: PassengerSignIn, link: string): Promise<string> {
  const started = (await cognito(config.region, 'InitiateAuth', {
    AuthFlow: 'CUSTOM_AUTH',
    ClientId: config.client_id,
    AuthParameters: { USERNAME: config.username },
  })) as { Session?: string };
  const answered = (await cognito(config.region, 'RespondToAuthChallenge', {
    ChallengeName: 'CUSTOM_CHALLENGE',
    ClientId: config.client_id,
    Session: started.Session,
    ChallengeResponses: { USERNAME: config.username, ANSWER: link },
    // The pre-token trigger reads the link again to put its booking into the token.
    ClientMetadata: { link },
  })) as { AuthenticationResult?: { IdToken?: string } };
  const token = answered.AuthenticationResult?.IdToken;
  if (!token) throw new Error('no token for this link');
  return token;
}

/**
 * The bearer the offer page calls the API with: the link's own token locally, a Cognito token
 * for it in AWS; undefined when Cognito refuses the link (forged or expired).
 */
export async function passengerBearer(link: string): Promise<string | undefined> {
  const config = (await (await fetch('/auth/config')).json().catch(() => ({}))) as {
    passenger_sign_in?: PassengerSignIn;
  };
  if (!config.passenger_sign_in) return link;
  return exchange(config.passenger_sign_in, link).catch(() => undefined);
}
