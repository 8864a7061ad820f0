import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { STEP_FUNCTIONS_DIR } from '../../infrastructure/lib/constructs/workflows.ts';
import { MANIFEST_EXPIRY_DAYS, MANIFEST_PREFIX } from '../../src/domain/workflows/manifests.ts';
import { WORKFLOWS } from '../../src/domain/workflows/task-functions.ts';
import { awsSolutionsReport, byType, synth } from '../support/synth-stack.ts';

type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
};

const NOTIFYING = [
  'FlightPulseDelayNotification',
  'FlightPulseCancellationWorkflow',
  'FlightPulseGateChangeWorkflow',
];

describe('workflow manifests and Distributed Maps in AWS', () => {
  const { template, assembly, resources } = synth();
  const manifestBucket = byType(resources, 'AWS::S3::Bucket').find(([id]) =>
    id.startsWith('WorkflowManifestsBucket'),
  );
  const bucketId = manifestBucket?.[0] ?? 'missing';
  const bucketPolicy = byType(resources, 'AWS::S3::BucketPolicy').find(
    ([, p]) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: bucketId }),
  );
  const statements =
    (bucketPolicy?.[1].Properties.PolicyDocument as { Statement: Statement[] } | undefined)
      ?.Statement ?? [];
  const roleOf = (logicalPrefix: string) =>
    Object.keys(resources).find(
      (id) => id.startsWith(logicalPrefix) && resources[id]?.Type === 'AWS::IAM::Role',
    );
  const principals = (action: string) =>
    statements
      .filter((s) => s.Effect === 'Allow' && [s.Action].flat().includes(action))
      .map((s) => JSON.stringify(s.Principal));

  it('still passes cdk-nag AwsSolutions, accepting only the Map Run children by label', () => {
    const aws = awsSolutionsReport(assembly);
    expect(aws.violations).toEqual([]);
    const accepted = JSON.stringify(aws.suppressedViolations);
    for (const name of NOTIFYING)
      expect(accepted).toContain(`execution:${name}/ProcessNotifications:*`);
  });

  it('keeps manifests in a bucket of their own: its own key, TLS only, no public access, logged, expired', () => {
    expect(manifestBucket?.[1].Properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^KeysManifests/), 'Arn'] },
            },
          },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: expect.stringMatching(/^AuditAccessLogs/) },
      },
      LifecycleConfiguration: {
        Rules: [
          expect.objectContaining({
            Prefix: MANIFEST_PREFIX,
            ExpirationInDays: MANIFEST_EXPIRY_DAYS,
            Status: 'Enabled',
          }),
        ],
      },
    });
    expect(
      statements.some(
        (s) => s.Effect === 'Deny' && JSON.stringify(s.Condition).includes('aws:SecureTransport'),
      ),
    ).toBe(true);
  });

  it('lets GetAffectedBookings write manifests and each notifying workflow read them, under the prefix only', () => {
    const writer = roleOf('GetAffectedBookingsFunctionRole') ?? roleOf('GetAffectedBookings');
    expect(principals('s3:PutObject')).toEqual([expect.stringContaining(String(writer))]);
    const readers = principals('s3:GetObject');
    expect(readers).toHaveLength(NOTIFYING.length);
    for (const s of statements.filter((st) => st.Effect === 'Allow'))
      expect(JSON.stringify(s.Resource)).toContain(`/${MANIFEST_PREFIX}*`);
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'flightpulse-get-affected-bookings',
      Environment: { Variables: Match.objectLike({ MANIFEST_BUCKET: { Ref: bucketId } }) },
    });
  });

  it('runs ProcessNotifications as a Distributed Map over the manifest, STANDARD children, no failure tolerated', () => {
    for (const workflow of WORKFLOWS.filter((w) => NOTIFYING.includes(w.name))) {
      const definition = JSON.parse(readFileSync(join(STEP_FUNCTIONS_DIR, workflow.file), 'utf8'));
      expect(definition.States.ProcessNotifications).toMatchObject({
        Type: 'Map',
        Label: 'ProcessNotifications',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'JSON' },
          Parameters: {
            'Bucket.$': '$.bookings.manifest.bucket',
            'Key.$': '$.bookings.manifest.key',
          },
        },
        ToleratedFailurePercentage: 0,
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
      });
    }
  });

  it("allows each workflow to start, describe and stop its own Map Runs' children, nothing wider", () => {
    for (const name of NOTIFYING) {
      const machine = byType(resources, 'AWS::StepFunctions::StateMachine').find(
        ([, m]) => m.Properties.StateMachineName === name,
      );
      const roleArn = machine?.[1].Properties.RoleArn as { 'Fn::GetAtt': string[] } | undefined;
      const roleId = roleArn?.['Fn::GetAtt'][0];
      const granted = byType(resources, 'AWS::IAM::Policy')
        .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
      const start = granted.filter((s) => [s.Action].flat().includes('states:StartExecution'));
      expect(JSON.stringify(start.map((s) => s.Resource))).toMatch(
        new RegExp(`:stateMachine:${name}"`),
      );
      const children = granted.filter((s) =>
        [s.Action].flat().includes('states:DescribeExecution'),
      );
      expect([children[0]?.Action].flat().sort()).toEqual([
        'states:DescribeExecution',
        'states:StopExecution',
      ]);
      const arns = JSON.stringify(children.map((s) => s.Resource));
      expect(arns).toContain(`:execution:${name}/ProcessNotifications:*`);
      expect(arns).not.toMatch(/"\*"/);
    }
  });
});
