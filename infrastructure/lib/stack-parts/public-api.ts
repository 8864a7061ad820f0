import type { Stack } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { ApiFirewall } from '../constructs/api-firewall.ts';
import type { Channels } from '../constructs/channels.ts';
import { Identity } from '../constructs/identity.ts';
import { OFFER_LINK_KEY_PARAMETER } from '../constructs/offer-expiry.ts';
import { RestApi } from '../constructs/rest-api.ts';
import type { FlightPulseStackOptions } from '../stack-options.ts';
import type { FunctionFactory } from './function-factory.ts';

export interface PublicApiProps {
  functions: FunctionFactory;
  options: FlightPulseStackOptions;
  /** The API's function. */
  api: LambdaFunction;
  ingest: LambdaFunction;
  weatherWatch: LambdaFunction;
  channels: Channels;
}

/** The REST API behind WAF, with Cognito sign-in for the console and for passengers' links. */
export function publicApi(stack: Stack, props: PublicApiProps) {
  const { functions, options, api, ingest, weatherWatch, channels } = props;
  // Declarations enter through the ingest function; the API runs the watch by invoking it.
  functions.invokeAccess(api, ingest);
  functions.invokeAccess(api, weatherWatch);
  const passengerSignIn = functions.make(
    'PassengerSignIn',
    'passenger-sign-in',
    'Cognito custom sign-in: a passenger link for a short-lived token bound to its booking',
    { environment: { OFFER_LINK_KEY_PARAMETER, PUBLIC_URL: functions.rebookingEnv.PUBLIC_URL } },
  );
  functions.linkKeyAccess(passengerSignIn);
  const identity = new Identity(stack, 'Identity', {
    passengerSignIn,
    removalPolicy: options.removalPolicy,
    callbackUrls: options.consoleCallbackUrls ?? ['http://localhost:3000/'],
  });
  // Passengers register their devices for push through the API.
  channels.grantDeviceRegistration(api);
  // The function verifies the same tokens the authorizer does (one verifier, locally too).
  api.addEnvironment('COGNITO_USER_POOL_ID', identity.userPool.userPoolId);
  api.addEnvironment('COGNITO_CLIENT_ID', identity.client.userPoolClientId);
  api.addEnvironment('COGNITO_PASSENGER_CLIENT_ID', identity.passengerClient.userPoolClientId);
  api.addEnvironment('INGEST_FUNCTION_NAME', ingest.functionName);
  api.addEnvironment('WEATHER_WATCH_FUNCTION_NAME', weatherWatch.functionName);
  const rest = new RestApi(stack, 'Rest', {
    fn: api,
    cache: options.apiCache,
    removalPolicy: options.removalPolicy,
    authorizer: identity.authorizer,
  });
  new ApiFirewall(stack, 'Firewall', { stage: rest.api.deploymentStage });
  return { rest, identity };
}
