import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  MANAGED_RULE_GROUPS,
  RATE_LIMIT_PER_5_MINUTES,
} from '../../infrastructure/lib/constructs/api-firewall.ts';
import { API_METHODS } from '../../infrastructure/lib/constructs/rest-api.ts';
import { STEP_FUNCTIONS_DIR } from '../../infrastructure/lib/constructs/workflows.ts';
import { OPERATIONS } from '../../src/api/openapi.ts';
import { ROUTING_RULES } from '../../src/domain/event-routing/routing-rules.ts';
import { WORKFLOWS } from '../../src/domain/workflows/task-functions.ts';
import { awsSolutionsReport, byType, type Resources, synth } from '../support/synth-stack.ts';

type Statement = { Action: string | string[]; Resource: unknown };

/** A WAF rule as synthesized: the firewall uses a rate-based statement and managed rule groups. */
type WafRule = {
  Statement: {
    RateBasedStatement?: { Limit: number; AggregateKeyType: string };
    ManagedRuleGroupStatement?: { VendorName: string; Name: string };
  };
};

/** The policy statements of the role whose logical id starts with `prefix`. */
function statementsOf(resources: Resources, prefix: string): Statement[] {
  return byType(resources, 'AWS::IAM::Policy')
    .filter(([id]) => id.startsWith(prefix))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

describe('FlightPulseStack (defaults, bundled)', () => {
  const { template, assembly, resources } = synth({}, true);

  it('passes cdk-nag AwsSolutions with every accepted finding justified', () => {
    const aws = awsSolutionsReport(assembly);
    expect(aws.conclusion).toBe('success');
    expect(aws.violations).toEqual([]);
    for (const accepted of aws.suppressedViolations ?? [])
      expect(accepted.reason.length).toBeGreaterThan(20);
  });

  it('creates FlightPulseTable as specified', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        TableName: 'FlightPulseTable',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          Match.objectLike({
            IndexName: 'GSI1',
            KeySchema: [
              { AttributeName: 'GSI1PK', KeyType: 'HASH' },
              { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
            ],
          }),
          Match.objectLike({
            IndexName: 'GSI2',
            KeySchema: [
              { AttributeName: 'GSI2PK', KeyType: 'HASH' },
              { AttributeName: 'GSI2SK', KeyType: 'RANGE' },
            ],
          }),
        ],
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      },
    });
  });

  it('deploys exactly the routing rules the local bus evaluates', () => {
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'flightpulse-bus' });
    const rules = byType(resources, 'AWS::Events::Rule')
      .map(([, r]) => r.Properties)
      .filter((p) => p.EventPattern !== undefined && p.EventBusName !== undefined);
    expect(rules.map((r) => r.Name).sort()).toEqual(ROUTING_RULES.map((r) => r.name).sort());
    for (const rule of ROUTING_RULES) {
      const deployed = rules.find((r) => r.Name === rule.name) ?? {};
      expect(deployed.EventPattern).toEqual(rule.eventPattern);
      const targets = deployed.Targets as Array<Record<string, unknown>>;
      expect(targets).toHaveLength(rule.targets.length);
      for (const target of targets) {
        expect(target.DeadLetterConfig).toBeDefined();
      }
    }
    for (const name of [
      '/flightpulse/notifications/email',
      '/flightpulse/notifications/sms',
      '/flightpulse/audit',
    ]) {
      template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: name });
    }
  });

  it('runs the claim-notice job every five minutes', () => {
    const schedules = byType(resources, 'AWS::Events::Rule')
      .map(([, r]) => r.Properties)
      .filter((p) => p.ScheduleExpression !== undefined);
    const claimNotices = schedules.filter((p) =>
      JSON.stringify(p.Targets).includes('SendClaimNotices'),
    );
    expect(claimNotices.map((p) => p.ScheduleExpression)).toEqual(['rate(5 minutes)']);
  });

  it('runs the very ASL files of step-functions/, with every substitution supplied', () => {
    const machines = byType(resources, 'AWS::StepFunctions::StateMachine').map(
      ([, r]) => r.Properties,
    );
    expect(machines.map((m) => m.StateMachineName).sort()).toEqual(
      WORKFLOWS.map((w) => w.name).sort(),
    );
    for (const workflow of WORKFLOWS) {
      const machine = machines.find((m) => m.StateMachineName === workflow.name) as {
        DefinitionS3Location: { Key: string };
        DefinitionSubstitutions: Record<string, unknown>;
        TracingConfiguration: unknown;
        LoggingConfiguration: unknown;
      };
      const source = readFileSync(join(STEP_FUNCTIONS_DIR, workflow.file), 'utf8');
      const location = machine.DefinitionS3Location;
      const asset = readFileSync(join(assembly.directory, `asset.${location.Key}`), 'utf8');
      expect(asset).toBe(source);
      const placeholders = [...source.matchAll(/\$\{([A-Za-z0-9]+)\}/g)].map((m) => m[1]);
      for (const name of placeholders)
        expect(Object.keys(machine.DefinitionSubstitutions)).toContain(name);
      expect(machine.TracingConfiguration).toEqual({ Enabled: true });
      expect(machine.LoggingConfiguration).toMatchObject({ Level: 'ALL' });
    }
  });

  it('sends through SES, End User Messaging SMS and SNS push, with reports back to the status function', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'flightpulse.example.com',
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['delivery', 'bounce']),
        EventBridgeDestination: Match.anyValue(),
      }),
    });
    template.hasResourceProperties('AWS::SMSVOICE::ConfigurationSet', {
      EventDestinations: [Match.objectLike({ MatchingEventTypes: ['TEXT_ALL'] })],
    });
    template.hasResourceProperties('AWS::CloudFormation::CustomResource', {
      ApnsCredentialParameter: '/flightpulse/push/apns-credential',
      FcmCredentialParameter: '/flightpulse/push/fcm-credential',
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ source: ['aws.ses'] }),
    });
    expect(byType(resources, 'AWS::SNS::Subscription')).toHaveLength(2);
    // Every function that writes messages sends them itself.
    for (const prefix of [
      'SendNotifications',
      'DeliveryStatus',
      'NotifyOfferOutcome',
      'SendClaimNotices',
      'WeatherWatch',
    ]) {
      const statements = statementsOf(resources, prefix);
      const actions = statements.flatMap((st) => [st.Action].flat());
      expect(actions).toEqual(
        expect.arrayContaining(['ses:SendEmail', 'sms-voice:SendTextMessage', 'sns:Publish']),
      );
      const sending = statements.filter((st) =>
        [st.Action].flat().some((a) => /^(ses|sms-voice|sns):/.test(a)),
      );
      for (const st of sending) expect(JSON.stringify(st.Resource)).not.toMatch(/"\*"/);
    }
    // Claims and marks are conditional Puts and Updates in TransactWriteItems (IAM judges each
    // action as its single-item call); delivery reports read pointers and records in batches.
    for (const prefix of ['SendNotifications', 'DeliveryStatus', 'NotifyOfferOutcome']) {
      const actions = statementsOf(resources, prefix).flatMap((st) => [st.Action].flat());
      expect(actions).toEqual(
        expect.arrayContaining([
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:BatchGetItem',
        ]),
      );
    }
  });

  it('lets the API register devices as endpoints of the two platform applications, nothing wider', () => {
    const statements = statementsOf(resources, 'Api');
    const register = statements.filter((st) =>
      [st.Action]
        .flat()
        .some((a) => /^sns:(CreatePlatformEndpoint|SetEndpointAttributes)$/.test(a)),
    );
    expect(register.flatMap((st) => [st.Action].flat()).sort()).toEqual([
      'sns:CreatePlatformEndpoint',
      'sns:SetEndpointAttributes',
    ]);
    const resourcesText = JSON.stringify(register.map((st) => st.Resource));
    expect(resourcesText).toMatch(/app\/APNS\/flightpulse/);
    expect(resourcesText).toMatch(/app\/GCM\/flightpulse/);
    expect(resourcesText).not.toMatch(/"\*"/);
    const api = byType(resources, 'AWS::Lambda::Function').find(
      ([, r]) => r.Properties.FunctionName === 'flightpulse-api',
    );
    const environment = api?.[1].Properties.Environment as
      | { Variables: Record<string, unknown> }
      | undefined;
    const variables = environment?.Variables ?? {};
    expect(Object.keys(variables)).toEqual(
      expect.arrayContaining(['PUSH_APNS_APPLICATION_ARN', 'PUSH_FCM_APPLICATION_ARN']),
    );
  });

  it('bundles every function for Node.js 24 with X-Ray and Powertools', () => {
    const functions = byType(resources, 'AWS::Lambda::Function')
      .map(([, r]) => r.Properties)
      .filter((p) => String(p.FunctionName ?? '').startsWith('flightpulse-'));
    expect(functions.map((f) => f.FunctionName).sort()).toEqual(
      [
        'api',
        'compute-entitlements',
        'delivery-status',
        'generate-messages',
        'get-affected-bookings',
        'get-passenger-details',
        'ingest-flight-events',
        'mark-bookings-for-rebooking',
        'plan-rebooking-offers',
        'apply-offer-expiry',
        'notify-offer-outcome',
        'passenger-sign-in',
        'push-platform-applications',
        'record-notification',
        'redrive-runs',
        'send-claim-notices',
        'send-notifications',
        'stream-changes',
        'watch-weather',
      ]
        .map((n) => `flightpulse-${n}`)
        .sort(),
    );
    for (const fn of functions) {
      expect(fn).toMatchObject({
        Runtime: 'nodejs24.x',
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: expect.objectContaining({
            POWERTOOLS_SERVICE_NAME: 'flightpulse',
            TABLE_NAME: 'FlightPulseTable',
          }),
        },
      });
    }
  });

  it('bundles a Lambda that really runs: the API function answers /health', async () => {
    const api = byType(resources, 'AWS::Lambda::Function').find(
      ([, r]) => r.Properties.FunctionName === 'flightpulse-api',
    );
    const code = api?.[1].Properties.Code as { S3Key: string } | undefined;
    const key = String(code?.S3Key).replace(/\.zip$/, '');
    process.env.TABLE_NAME = 'FlightPulseTable';
    process.env.AWS_REGION ??= 'us-east-1';
    // What the stack gives the function (tokens resolved by hand; nothing is called at start).
    process.env.EVENT_BUS_ARN = 'arn:aws:events:us-east-1:111122223333:event-bus/flightpulse-bus';
    process.env.OFFER_SCHEDULE_GROUP = 'flightpulse-offer-expiry';
    process.env.OFFER_SCHEDULER_ROLE_ARN = 'arn:aws:iam::111122223333:role/scheduler';
    process.env.OFFER_LINK_KEY_PARAMETER = '/flightpulse/offer-link-key';
    process.env.PUBLIC_URL = 'https://flightpulse.example.com';
    process.env.COGNITO_USER_POOL_ID = 'us-east-1_Example1';
    process.env.COGNITO_CLIENT_ID = 'example-client';
    process.env.PUSH_APNS_APPLICATION_ARN =
      'arn:aws:sns:us-east-1:111122223333:app/APNS/flightpulse';
    process.env.PUSH_FCM_APPLICATION_ARN = 'arn:aws:sns:us-east-1:111122223333:app/GCM/flightpulse';
    const { handler } = await import(join(assembly.directory, `asset.${key}`, 'index.mjs'));
    const get = (path: string) =>
      handler(
        {
          httpMethod: 'GET',
          path,
          resource: path,
          headers: {},
          multiValueHeaders: {},
          queryStringParameters: null,
          requestContext: { path: `/prod${path}`, stage: 'prod' },
          body: null,
          isBase64Encoded: false,
        },
        {},
      );
    // Without a token the function itself refuses, behind the authorizer as well.
    expect((await get('/flights')).statusCode).toBe(401);
    const response = await get('/health');
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      status: 'healthy',
      service: 'flightpulse-api',
    });
  });

  it('grants no wildcard resource for DynamoDB, EventBridge or Bedrock', () => {
    for (const [, policy] of byType(resources, 'AWS::IAM::Policy')) {
      const statements = (
        policy.Properties.PolicyDocument as {
          Statement: Array<{ Action: string | string[]; Resource: unknown }>;
        }
      ).Statement;
      for (const statement of statements) {
        const actions = [statement.Action].flat();
        const guarded = actions.filter(
          (a) => /^(dynamodb|events|bedrock):/.test(a) && a !== 'dynamodb:ListStreams',
        );
        if (guarded.length === 0) continue;
        const text = JSON.stringify(statement.Resource);
        expect(text, `${guarded.join(',')} on ${text}`).not.toMatch(/"\*"|index\/\*|\/\*"/);
      }
    }
  });

  it('feeds the stream handler with bisect-on-error, partial batch responses, retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: Match.anyValue(),
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 5,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      // Only changes of a booking's or a flight's own item reach it.
      FilterCriteria: {
        Filters: ['BOOKING#', 'FLIGHT#'].map((prefix) => ({
          Pattern: JSON.stringify({
            eventName: ['MODIFY'],
            dynamodb: { Keys: { PK: { S: [{ prefix }] }, SK: { S: ['METADATA'] } } },
          }),
        })),
      },
    });
  });

  it('re-drives pending workflow runs on a schedule, older than the state machine timeout', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'flightpulse-redrive-runs',
    });
    const schedules = byType(resources, 'AWS::Events::Rule').filter(
      ([, r]) => r.Properties.ScheduleExpression === 'rate(10 minutes)',
    );
    expect(JSON.stringify(schedules)).toContain('RedriveRuns');
    const statements = statementsOf(resources, 'RedriveRuns');
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem', 'events:PutEvents']),
    );
  });

  it('lets each workflow delete its own pending-run record when it ends', () => {
    const statements = byType(resources, 'AWS::IAM::Policy')
      .filter(([id]) => id.startsWith('Workflows'))
      .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:DeleteItem']));
  });

  it('serves every documented operation but the embedded feed through API Gateway, with access logs and throttling', () => {
    const resourcesById = new Map(byType(resources, 'AWS::ApiGateway::Resource'));
    const pathOf = (ref: unknown): string => {
      const id = (ref as { Ref?: string }).Ref;
      const r = id ? resourcesById.get(id) : undefined;
      return r ? `${pathOf(r.Properties.ParentId)}/${r.Properties.PathPart}` : '';
    };
    const served = byType(resources, 'AWS::ApiGateway::Method').map(
      ([, m]) => `${m.Properties.HttpMethod} ${pathOf(m.Properties.ResourceId) || '/'}`,
    );
    const documented = OPERATIONS.map((op) => `${op.method.toUpperCase()} ${op.path}`);
    for (const operation of documented.filter((o) => o !== 'POST /feed/flight-operations'))
      expect(served).toContain(operation);
    expect(served).not.toContain('POST /feed/flight-operations');
    expect(served).toContain('GET /openapi.json');
    expect(served).toHaveLength(API_METHODS.length);
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
      TracingEnabled: true,
      MethodSettings: Match.arrayWith([
        Match.objectLike({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 }),
      ]),
    });
  });

  it('puts the Cognito authorizer on every API method, /health and the API document included', () => {
    const authorizers = byType(resources, 'AWS::ApiGateway::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0] as [string, Resources[string]];
    expect(authorizer.Properties).toMatchObject({ Type: 'COGNITO_USER_POOLS' });
    const methods = byType(resources, 'AWS::ApiGateway::Method');
    expect(methods.length).toBeGreaterThan(10);
    for (const [, method] of methods)
      expect(method.Properties).toMatchObject({
        AuthorizationType: 'COGNITO_USER_POOLS',
        AuthorizerId: { Ref: authorizerId },
      });
  });

  it('keeps staff in a Cognito user pool whose groups are the roles, with MFA and threat protection', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 14 }) },
    });
    const groups = byType(resources, 'AWS::Cognito::UserPoolGroup').map(
      ([, g]) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual(['admin', 'agent', 'ops-viewer', 'passenger']);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    const api = byType(resources, 'AWS::Lambda::Function').find(
      ([, r]) => r.Properties.FunctionName === 'flightpulse-api',
    )?.[1];
    expect(api?.Properties.Environment).toMatchObject({
      Variables: {
        COGNITO_USER_POOL_ID: { Ref: expect.any(String) },
        COGNITO_CLIENT_ID: { Ref: expect.any(String) },
      },
    });
  });

  it('puts WAF in front of the API stage: a per-address rate limit and AWS managed rules', () => {
    const [, acl] = byType(resources, 'AWS::WAFv2::WebACL')[0] as [string, Resources[string]];
    const rules = acl.Properties.Rules as WafRule[];
    expect(rules[0]?.Statement.RateBasedStatement).toEqual({
      Limit: RATE_LIMIT_PER_5_MINUTES,
      AggregateKeyType: 'IP',
    });
    expect(rules.slice(1).map((r) => r.Statement.ManagedRuleGroupStatement?.Name)).toEqual([
      ...MANAGED_RULE_GROUPS,
    ]);
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  it('keeps the model id in SSM, tags everything and outputs what an operator needs', () => {
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/flightpulse/bedrock-model-id',
      Value: 'anthropic.claude-haiku-4-5-20251001-v1:0',
    });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      Tags: Match.arrayWith([{ Key: 'Project', Value: 'FlightPulse' }]),
    });
    const outputs = Object.keys(template.toJSON().Outputs);
    for (const name of [
      'ApiUrl',
      'EventBusName',
      'TableName',
      'DelayNotificationStateMachineArn',
      'CancellationStateMachineArn',
      'GateChangeStateMachineArn',
    ]) {
      expect(outputs).toContain(name);
    }
  });

  it('has the dashboard and alarms operations needs', () => {
    const body = JSON.stringify(template.findResources('AWS::CloudWatch::Dashboard'));
    for (const title of [
      'Events processed by type',
      'Notification success rate',
      'Average workflow duration',
      'Error rates',
      'LLM fallback rate',
    ]) {
      expect(body).toContain(title);
    }
    const alarms = byType(resources, 'AWS::CloudWatch::Alarm').map(
      ([, r]) => r.Properties.AlarmName,
    );
    expect(alarms.sort()).toEqual(
      [
        'api-5xx',
        'dead-letter-queues',
        'lambda-errors',
        'lambda-errors-2',
        'lambda-throttles',
        'lambda-throttles-2',
        'llm-fallback-rate',
        'option-generation-slow',
        'workflow-failures',
      ].map((n) => `flightpulse-${n}`),
    );
  });

  it('continues rebooking by events: answers and expiries start the answer workflow, EventBridge Scheduler puts the expiries', () => {
    const rules = byType(resources, 'AWS::Events::Rule').map(([, r]) => r.Properties);
    const answers = rules.find((r) => r.Name === 'flightpulse-offer-answers-to-workflow');
    expect(answers?.EventPattern).toEqual({
      source: ['flightpulse.rebooking'],
      'detail-type': ['offer.accepted', 'offer.declined', 'offer.escalated', 'offer.expiry_due'],
    });
    expect(rules.find((r) => r.Name === 'flightpulse-waiver-to-offers')?.EventPattern).toEqual({
      source: ['flightpulse.weather'],
      'detail-type': ['flight.waiver_issued'],
    });
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', {
      Name: 'flightpulse-offer-expiry',
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })],
      },
    });
    const policies = JSON.stringify(byType(resources, 'AWS::IAM::Policy'));
    expect(policies).toContain('scheduler:CreateSchedule');
    expect(policies).toContain('schedule/flightpulse-offer-expiry/*');
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'flightpulse-option-generation-slow',
      MetricName: 'OptionGenerationMilliseconds',
      Statistic: 'Maximum',
      Threshold: 5000,
    });
    const machines = byType(resources, 'AWS::StepFunctions::StateMachine').map(
      ([, r]) => r.Properties.StateMachineName,
    );
    expect(machines).toEqual(
      expect.arrayContaining([
        'FlightPulseRebookingAnswerWorkflow',
        'FlightPulseWaiverOffersWorkflow',
      ]),
    );
  });

  it('has no Kafka source until one is chosen', () => {
    expect(JSON.stringify(template.findResources('AWS::Lambda::EventSourceMapping'))).not.toContain(
      'flight-operations',
    );
  });
});

describe('FlightPulseStack (context variants)', () => {
  it('reads Amazon MSK with an on-failure destination and batch settings', () => {
    const { template } = synth({
      kafka: 'msk',
      mskClusterArn: 'arn:aws:kafka:us-east-1:111122223333:cluster/ops/abc',
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: 'arn:aws:kafka:us-east-1:111122223333:cluster/ops/abc',
      Topics: ['flight-operations'],
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 1,
      // One dead-letter policy: the Kafka dead-letter topic, which keeps the records themselves.
      DestinationConfig: { OnFailure: { Destination: 'kafka://flight-operations.dlq' } },
      AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'flightpulse-ingest' },
      MaximumRetryAttempts: 3,
      BisectBatchOnFunctionError: true,
      MaximumRecordAgeInSeconds: 7 * 24 * 3600,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'OffsetLag',
      Namespace: 'AWS/Lambda',
      Threshold: 1000,
    });
  });

  it('reads self-managed Kafka with SASL/SCRAM credentials, in a VPC, with the API cache, Bedrock and DESTROY', () => {
    const { template, resources } = synth({
      kafka: 'self-managed',
      kafkaBootstrapServers: 'b1.example.com:9096,b2.example.com:9096',
      kafkaSecretArn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:kafka-AbCdEf',
      vpc: 'true',
      apiCache: 'true',
      llmProvider: 'bedrock',
      removalPolicy: 'destroy',
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      SelfManagedEventSource: {
        Endpoints: { KafkaBootstrapServers: ['b1.example.com:9096', 'b2.example.com:9096'] },
      },
      SourceAccessConfigurations: Match.arrayWith([
        {
          Type: 'SASL_SCRAM_512_AUTH',
          URI: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:kafka-AbCdEf',
        },
      ]),
    });
    template.resourceCountIs('AWS::EC2::VPC', 1);
    expect(byType(resources, 'AWS::EC2::VPCEndpoint').length).toBeGreaterThanOrEqual(7);
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      CacheClusterEnabled: true,
      MethodSettings: Match.arrayWith([
        Match.objectLike({ ResourcePath: '/~1flights', CachingEnabled: true }),
      ]),
    });
    // The cache key holds the query string: another status or page is never served from cache.
    const keyed = ['status', 'limit', 'cursor'].map((q) => `method.request.querystring.${q}`);
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      RequestParameters: Object.fromEntries(keyed.map((q) => [q, false])),
      Integration: Match.objectLike({ CacheKeyParameters: keyed }),
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
    const statements = byType(resources, 'AWS::IAM::Policy').flatMap(
      ([, p]) =>
        (
          p.Properties.PolicyDocument as {
            Statement: Array<{ Action: unknown; Resource: unknown }>;
          }
        ).Statement,
    );
    const bedrock = statements.filter((st) => [st.Action].flat().includes('bedrock:InvokeModel'));
    expect(bedrock).toHaveLength(1);
    expect(JSON.stringify(bedrock[0]?.Resource)).toContain(
      'foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0',
    );
  });

  it('explains missing context', () => {
    expect(() => synth({ kafka: 'msk' })).toThrow(/mskClusterArn is required/);
    expect(() => synth({ kafka: 'rabbitmq' })).toThrow(/kafka must be msk, self-managed or none/);
  });
});
