import { describe, expect, it } from 'vitest';
import {
  AUDIT_LOCK_YEARS,
  AUDIT_RECORD_TEMPLATE,
} from '../../infrastructure/lib/constructs/audit-archive.ts';
import { TTL_ATTRIBUTE } from '../../src/adapters/dynamodb/table/table-keys.ts';
import {
  LOGGED_NOTIFICATION_FIELDS,
  ROUTING_RULES,
} from '../../src/domain/event-routing/routing-rules.ts';
import { PASSENGER_LINK_USER } from '../../src/handlers/passenger-sign-in.ts';
import { awsSolutionsReport, byType, type Resources, synth } from '../support/synth-stack.ts';

/** The logical id of the customer-managed key whose alias is `alias/flightpulse/<name>`. */
function keyId(resources: Resources, name: string): string {
  const alias = byType(resources, 'AWS::KMS::Alias').find(
    ([, a]) => a.Properties.AliasName === `alias/flightpulse/${name}`,
  );
  const target = alias?.[1].Properties.TargetKeyId as { 'Fn::GetAtt': [string, string] };
  expect(target, `key alias/flightpulse/${name}`).toBeDefined();
  return target['Fn::GetAtt'][0];
}

const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

describe('FlightPulseStack: privacy and retention (issue 13, items 7 and 8)', () => {
  const { template, assembly, resources } = synth();

  it('expires items on the `ttl` attribute (DynamoDB TTL enabled on the table)', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'FlightPulseTable',
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
  });

  it('tells every function how many days notifications and events are kept (context retentionDays)', () => {
    const days = (r: Resources) =>
      new Set(
        byType(r, 'AWS::Lambda::Function')
          .map(([, f]) => f.Properties.Environment as { Variables?: Record<string, unknown> })
          .filter((e) => e?.Variables?.TABLE_NAME !== undefined)
          .map((e) => e.Variables?.RETENTION_DAYS),
      );
    expect(days(resources)).toEqual(new Set(['90']));
    expect(days(synth({ retentionDays: '30' }).resources)).toEqual(new Set(['30']));
    expect(() => synth({ retentionDays: '0' })).toThrow(/retentionDays/);
  });

  it('encrypts the table with its own rotated customer-managed key', () => {
    const table = keyId(resources, 'table');
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'FlightPulseTable',
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: arnOf(table),
      },
    });
    for (const name of ['table', 'queues', 'logs', 'topics', 'audit'])
      expect(resources[keyId(resources, name)]?.Properties.EnableKeyRotation).toBe(true);
  });

  it('encrypts every queue, topic and log group with a customer-managed key', () => {
    const queues = byType(resources, 'AWS::SQS::Queue');
    expect(queues.length).toBeGreaterThanOrEqual(4);
    for (const [, q] of queues)
      expect(q.Properties.KmsMasterKeyId).toEqual(arnOf(keyId(resources, 'queues')));
    const topics = byType(resources, 'AWS::SNS::Topic');
    expect(topics.length).toBeGreaterThanOrEqual(3);
    for (const [, t] of topics) expect(t.Properties.KmsMasterKeyId).toBeDefined();
    const groups = byType(resources, 'AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(10);
    for (const [, g] of groups)
      expect(g.Properties.KmsKeyId).toEqual(arnOf(keyId(resources, 'logs')));
  });

  it('lets CloudWatch Logs use the logs key for this account’s log groups only', () => {
    const policy = resources[keyId(resources, 'logs')]?.Properties.KeyPolicy as {
      Statement: Array<Record<string, unknown>>;
    };
    expect(policy.Statement).toContainEqual(
      expect.objectContaining({
        Principal: { Service: expect.objectContaining({ 'Fn::Join': expect.anything() }) },
        Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': expect.anything() } },
      }),
    );
  });

  it('matches `source` as well as detail-type in every routing rule', () => {
    const rules = byType(resources, 'AWS::Events::Rule')
      .map(([, r]) => r.Properties)
      .filter((p) => p.EventBusName !== undefined && p.EventPattern !== undefined);
    expect(rules).toHaveLength(ROUTING_RULES.length);
    for (const rule of rules) {
      const pattern = rule.EventPattern as Record<string, unknown>;
      expect(pattern.source, String(rule.Name)).toEqual(expect.any(Array));
      expect(pattern['detail-type'], String(rule.Name)).toEqual(expect.any(Array));
    }
  });

  it('passes cdk-nag without suppressing any authorizer or Cognito rule', () => {
    const aws = awsSolutionsReport(assembly);
    expect(aws.violations).toEqual([]);
    const suppressed = (aws.suppressedViolations ?? []).map((v) => v.ruleName);
    expect(suppressed.filter((r) => /APIG4|COG\d/.test(r))).toEqual([]);
  });

  it('grants no wildcard KMS action to any FlightPulse role', () => {
    const actions = byType(resources, 'AWS::IAM::Policy').flatMap(([, p]) =>
      (
        p.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[] }> }
      ).Statement.flatMap((s) => [s.Action].flat()),
    );
    expect(actions.filter((a) => a.startsWith('kms:') && a.includes('*'))).toEqual([]);
  });
});

describe('FlightPulseStack: the immutable audit log', () => {
  const { template, resources } = synth();

  it('keeps the table stream in an S3 bucket with Object Lock, versioning, the audit key, no public access and TLS only', () => {
    const audit = keyId(resources, 'audit');
    const [bucketId] = byType(resources, 'AWS::S3::Bucket').find(
      ([, b]) => b.Properties.ObjectLockEnabled === true,
    ) ?? [''];
    expect(resources[bucketId]?.Properties).toMatchObject({
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: AUDIT_LOCK_YEARS * 366 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: arnOf(audit),
            },
            BucketKeyEnabled: true,
          },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: expect.anything() },
    });
    const policies = byType(resources, 'AWS::S3::BucketPolicy').filter(
      ([, p]) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: bucketId }),
    );
    expect(JSON.stringify(policies)).toContain('"aws:SecureTransport":"false"');
  });

  it('pipes the stream to Firehose with keys and event names only, never the images', () => {
    const [, pipe] = byType(resources, 'AWS::Pipes::Pipe')[0] ?? [];
    expect(pipe?.Properties).toMatchObject({
      Source: { 'Fn::GetAtt': [expect.stringMatching(/^DataTable/), 'StreamArn'] },
      Target: { 'Fn::GetAtt': [expect.any(String), 'Arn'] },
      SourceParameters: {
        DynamoDBStreamParameters: expect.objectContaining({
          StartingPosition: 'TRIM_HORIZON',
          DeadLetterConfig: { Arn: expect.anything() },
        }),
      },
      TargetParameters: { InputTemplate: AUDIT_RECORD_TEMPLATE },
    });
    expect(AUDIT_RECORD_TEMPLATE).not.toMatch(/Image/);
    // Filled as Pipes fills it (scalars inside their quotes, the keys as an object): valid JSON.
    const filled = AUDIT_RECORD_TEMPLATE.replace(
      /<\$\.dynamodb\.Keys>/,
      '{"PK":{"S":"BOOKING#B001"}}',
    ).replace(/<\$[^>]+>/g, 'x');
    expect(Object.keys(JSON.parse(filled))).toEqual([
      'event',
      'event_id',
      'at',
      'sequence',
      'keys',
    ]);
    template.hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', {
      ExtendedS3DestinationConfiguration: {
        EncryptionConfiguration: {
          KMSEncryptionConfig: { AWSKMSKeyARN: arnOf(keyId(resources, 'audit')) },
        },
      },
    });
  });
});

describe('FlightPulseStack: passengers sign in with their link, behind the same authorizer', () => {
  const { template, resources } = synth();
  const fnId = (name: string) =>
    byType(resources, 'AWS::Lambda::Function').find(
      ([, f]) => f.Properties.FunctionName === name,
    )?.[0] ?? '';

  it('runs the custom sign-in triggers and the pre-token claims in one link-verifying function', () => {
    const signIn = arnOf(fnId('flightpulse-passenger-sign-in'));
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      LambdaConfig: {
        DefineAuthChallenge: signIn,
        CreateAuthChallenge: signIn,
        VerifyAuthChallengeResponse: signIn,
        PreTokenGeneration: signIn,
      },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolUser', {
      Username: PASSENGER_LINK_USER,
      MessageAction: 'SUPPRESS',
    });
    // The link user is in no group: without a link its tokens carry no role.
    expect(byType(resources, 'AWS::Cognito::UserPoolUserToGroupAttachment')).toEqual([]);
  });

  it('has a passenger-links client with custom auth only, no OAuth, no attribute writes, short tokens', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'flightpulse-passenger-links',
      ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: false,
      WriteAttributes: [],
      IdTokenValidity: 15,
      GenerateSecret: false,
    });
    const console = byType(resources, 'AWS::Cognito::UserPoolClient').find(
      ([, c]) => c.Properties.ClientName === 'flightpulse-console',
    )?.[1];
    expect(console?.Properties.ExplicitAuthFlows).not.toContain('ALLOW_CUSTOM_AUTH');
  });

  it('lets the API accept tokens of both clients, every method still behind the Cognito authorizer', () => {
    const api = resources[fnId('flightpulse-api')]?.Properties.Environment as {
      Variables: Record<string, unknown>;
    };
    expect(api.Variables.COGNITO_PASSENGER_CLIENT_ID).toEqual({ Ref: expect.any(String) });
    for (const [, method] of byType(resources, 'AWS::ApiGateway::Method'))
      expect(method.Properties.AuthorizationType).toBe('COGNITO_USER_POOLS');
  });
});

describe('FlightPulseStack: dead-letter queues under their key', () => {
  const { resources } = synth();
  it('lets the weather schedule, the workflows and the audit pipe use the queues key, with explicit actions', () => {
    const queuesKey = keyId(resources, 'queues');
    const users = byType(resources, 'AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes(`"${queuesKey}"`))
      .map(([id]) => id);
    for (const prefix of [
      'WeatherWatchScheduleRole',
      'WorkflowsFlightPulseDelayNotification',
      'AuditPipeRole',
      'StreamChangesRole',
    ])
      expect(
        users.some((id) => id.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });
});

describe('FlightPulseStack: nothing personal in the notification log groups', () => {
  const { resources } = synth();
  it('logs ids and kinds of each notification, never its recipient, subject or body', () => {
    // The rules writing a notification's delivery log, one per channel.
    const logging = ROUTING_RULES.filter((r) =>
      r.targets.some(
        (t) => t.kind === 'log-group' && t.logGroup.startsWith('/flightpulse/notifications/'),
      ),
    ).map((r) => r.name);
    expect(logging).toHaveLength(3);
    const rules = byType(resources, 'AWS::Events::Rule')
      .map(([, r]) => r.Properties)
      .filter((p) => logging.includes(String(p.Name)));
    expect(rules).toHaveLength(3);
    for (const rule of rules) {
      const logTarget = (rule.Targets as Array<Record<string, unknown>>).find(
        (t) => JSON.stringify(t.Arn).includes('log-group') || t.InputTransformer !== undefined,
      ) as { InputTransformer?: { InputPathsMap: Record<string, string>; InputTemplate: string } };
      const paths = Object.values(logTarget.InputTransformer?.InputPathsMap ?? {});
      expect(paths).toEqual(
        expect.arrayContaining(LOGGED_NOTIFICATION_FIELDS.map((f) => `$.detail.${f}`)),
      );
      for (const personal of ['recipient', 'subject', 'body', 'alternates'])
        expect(paths.join(' '), String(rule.Name)).not.toContain(personal);
    }
  });
});
