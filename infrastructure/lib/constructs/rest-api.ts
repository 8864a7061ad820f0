import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Every REST path, as the specification (and the local server) serve them. */
export const API_ROUTES = [
  '/health',
  '/flights',
  '/flights/{flightId}',
  '/flights/{flightId}/bookings',
  '/passengers/{passengerId}',
  '/passengers/{passengerId}/bookings',
  '/bookings',
  '/bookings/{bookingId}',
  '/events',
  '/notifications',
  '/executions',
  '/openapi.json',
  '/bookings/{bookingId}/entitlements',
  '/flights/{flightId}/liability',
  '/passengers/{passengerId}/export',
] as const;

/**
 * The cached GET route and the query parameters that select what it answers: each is part of
 * the cache key, so `?status=CANCELLED` and the next page are never served another query's answer.
 */
export const CACHED_ROUTE = { path: '/flights', query: ['status', 'limit', 'cursor'] } as const;

/** Routes that change state (the function checks the role; only admins may). */
export const API_WRITE_ROUTES = [{ method: 'DELETE', path: '/passengers/{passengerId}' }] as const;

/** API Gateway REST in front of the API function: access logs, throttling, optional GET /flights cache. */
export class RestApi extends Construct {
  readonly api: apigateway.RestApi;

  constructor(
    scope: Construct,
    id: string,
    props: {
      fn: lambda.IFunction;
      cache: boolean;
      removalPolicy: RemovalPolicy;
      /** Checks every method's token before the function sees the request. */
      authorizer: apigateway.IAuthorizer;
    },
  ) {
    super(scope, id);
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: props.removalPolicy,
    });
    this.api = new apigateway.RestApi(this, 'Api', {
      restApiName: 'flightpulse-api',
      description: 'FlightPulse REST API',
      cloudWatchRole: true,
      deployOptions: {
        stageName: 'prod',
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
        loggingLevel: apigateway.MethodLoggingLevel.INFO,
        tracingEnabled: true,
        throttlingRateLimit: 100,
        throttlingBurstLimit: 200,
        cacheClusterEnabled: props.cache,
        ...(props.cache ? { cacheClusterSize: '0.5' } : {}),
        // Flight status changes within seconds of an event; a short TTL keeps the board fresh.
        methodOptions: props.cache
          ? { '/flights/GET': { cachingEnabled: true, cacheTtl: Duration.seconds(30) } }
          : {},
      },
    });
    // CDK attaches the AWS-managed push-to-CloudWatch policy to the account's API Gateway logging role.
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason: 'The API Gateway account logging role needs exactly this AWS-managed policy.',
    });
    const integration = new apigateway.LambdaIntegration(props.fn);
    const validator = this.api.addRequestValidator('Validator', {
      validateRequestParameters: true,
      validateRequestBody: true,
    });
    // Every method, /health and the API document included, sits behind the Cognito authorizer;
    // the function then decides per route which roles it admits.
    const secured = {
      authorizer: props.authorizer,
      authorizationType: apigateway.AuthorizationType.COGNITO,
    };
    for (const path of API_ROUTES) {
      const cached = path === CACHED_ROUTE.path;
      const queryParameters = CACHED_ROUTE.query.map(
        (name) => `method.request.querystring.${name}`,
      );
      this.api.root
        .resourceForPath(path)
        .addMethod(
          'GET',
          cached
            ? new apigateway.LambdaIntegration(props.fn, { cacheKeyParameters: queryParameters })
            : integration,
          {
            requestValidator: validator,
            ...secured,
            ...(cached
              ? { requestParameters: Object.fromEntries(queryParameters.map((q) => [q, false])) }
              : {}),
          },
        );
    }
    for (const { method, path } of API_WRITE_ROUTES)
      this.api.root
        .resourceForPath(path)
        .addMethod(method, integration, { requestValidator: validator, ...secured });
  }
}
