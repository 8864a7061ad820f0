import { Aws, Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ROLES } from '../../../src/domain/identity/roles.ts';
import { PASSENGER_LINK_USER } from '../../../src/handlers/passenger-sign-in.ts';

/**
 * Who may call the API in AWS: a Cognito user pool whose groups are FlightPulse's roles, the
 * console's app client (hosted sign-in, authorization code with PKCE, no secret in the browser)
 * and the API Gateway authorizer that checks every method's token before the function does.
 * Passengers hold no account: their offer page trades the link's token for a short-lived
 * Cognito ID token through the passenger-links client (custom auth, `passengerSignIn` verifies
 * the link), so the same authorizer admits them to their booking and nothing else.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  readonly authorizer: apigateway.CognitoUserPoolsAuthorizer;
  readonly passengerClient: cognito.UserPoolClient;

  constructor(
    scope: Construct,
    id: string,
    props: {
      removalPolicy: RemovalPolicy;
      callbackUrls: string[];
      domainPrefix?: string;
      /** Cognito's custom sign-in triggers for passenger links (define, create, verify, pre-token). */
      passengerSignIn: lambda.IFunction;
    },
  ) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      userPoolName: 'flightpulse-users',
      // Staff accounts are created by administrators; passengers use signed links instead.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: {
        minLength: 14,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      removalPolicy: props.removalPolicy,
      lambdaTriggers: {
        defineAuthChallenge: props.passengerSignIn,
        createAuthChallenge: props.passengerSignIn,
        verifyAuthChallengeResponse: props.passengerSignIn,
        preTokenGeneration: props.passengerSignIn,
      },
    });
    for (const role of ROLES)
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `FlightPulse role ${role}`,
      });
    this.domain = this.userPool.addDomain('HostedSignIn', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `flightpulse-${Aws.ACCOUNT_ID}` },
    });
    this.client = this.userPool.addClient('Console', {
      userPoolClientName: 'flightpulse-console',
      generateSecret: false,
      preventUserExistenceErrors: true,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
        callbackUrls: props.callbackUrls,
        logoutUrls: props.callbackUrls,
      },
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    this.passengerClient = this.passengerLinks();
    this.authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      authorizerName: 'flightpulse-cognito',
      cognitoUserPools: [this.userPool],
    });
  }

  /**
   * The shared link user (in no group, never mailed) and the client that signs in as it: custom
   * auth only, no OAuth, no attribute writes, tokens for a quarter of an hour.
   */
  private passengerLinks(): cognito.UserPoolClient {
    new cognito.CfnUserPoolUser(this, 'PassengerLinkUser', {
      userPoolId: this.userPool.userPoolId,
      username: PASSENGER_LINK_USER,
      messageAction: 'SUPPRESS',
      userAttributes: [{ name: 'email', value: PASSENGER_LINK_USER }],
    });
    return this.userPool.addClient('PassengerLinks', {
      userPoolClientName: 'flightpulse-passenger-links',
      generateSecret: false,
      preventUserExistenceErrors: true,
      authFlows: { custom: true },
      disableOAuth: true,
      readAttributes: new cognito.ClientAttributes(),
      writeAttributes: new cognito.ClientAttributes(),
      idTokenValidity: Duration.minutes(15),
      accessTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.minutes(60),
    });
  }
}
