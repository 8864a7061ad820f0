import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { OPERATIONS } from '../../../src/api/openapi.ts';

/**
 * Every method API Gateway serves: the documented operations (the one list the OpenAPI document
 * and the contract test read), less the embedded feed, plus the document itself.
 */
export const API_METHODS: ReadonlyArray<{ method: string; path: string }> = [
  ...OPERATIONS.filter((op) => !op.embeddedOnly).map((op) => ({
    method: op.method.toUpperCase(),
    path: op.path,
  })),
  { method: 'GET', path: '/openapi.json' },
];

/**
 * The cached GET route and the query parameters that select what it answers: each is part of
 * the cache key, so `?status=CANCELLED` and the next page are never served another query's answer.
 */
export const CACHED_ROUTE = { path: '/flights', query: ['status', 'limit', 'cursor'] } as const;

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
    const cacheKeys = CACHED_ROUTE.query.map((name) => `method.request.querystring.${name}`);
    for (const { method, path } of API_METHODS) {
      const cached = method === 'GET' && path === CACHED_ROUTE.path;
      this.api.root
        .resourceForPath(path)
        .addMethod(
          method,
          cached
            ? new apigateway.LambdaIntegration(props.fn, { cacheKeyParameters: cacheKeys })
            : integration,
          {
            requestValidator: validator,
            ...secured,
            ...(cached
              ? { requestParameters: Object.fromEntries(cacheKeys.map((q) => [q, false])) }
              : {}),
          },
        );
    }
  }
}
