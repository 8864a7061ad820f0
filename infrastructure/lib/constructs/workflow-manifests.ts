import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { MANIFEST_EXPIRY_DAYS, MANIFEST_PREFIX } from '../../../src/domain/workflows/manifests.ts';

/**
 * The workflow manifest bucket: each run's booking ids in batches, written by GetAffectedBookings
 * and read by the run's Distributed Maps (ItemReader), so no workflow state carries them. Its own
 * key, public access blocked, TLS only, access logs kept, manifests expired after a day. Object
 * access is granted by bucket policy to exactly the writer's and the state machines' roles.
 */
export class WorkflowManifests extends Construct {
  readonly bucket: s3.Bucket;
  private readonly key: kms.IKey;

  constructor(
    scope: Construct,
    id: string,
    props: { key: kms.IKey; accessLogs: s3.IBucket; removalPolicy: RemovalPolicy },
  ) {
    super(scope, id);
    this.key = props.key;
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'workflow-manifests/',
      lifecycleRules: [
        {
          id: 'ExpireManifests',
          prefix: MANIFEST_PREFIX,
          expiration: Duration.days(MANIFEST_EXPIRY_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: props.removalPolicy,
    });
  }

  /** The task that writes manifests: PutObject under the prefix, and the bucket's name. */
  grantWrite(writer: lambda.Function): void {
    writer.addEnvironment('MANIFEST_BUCKET', this.bucket.bucketName);
    this.allow(writer, 's3:PutObject');
    this.key.grant(writer, 'kms:GenerateDataKey');
  }

  /** A workflow whose Distributed Maps read manifests: GetObject under the prefix. */
  grantRead(reader: iam.IGrantable): void {
    this.allow(reader, 's3:GetObject');
    this.key.grant(reader, 'kms:Decrypt');
  }

  private allow(grantee: iam.IGrantable, action: string): void {
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [grantee.grantPrincipal],
        actions: [action],
        resources: [this.bucket.arnForObjects(`${MANIFEST_PREFIX}*`)],
      }),
    );
  }
}
