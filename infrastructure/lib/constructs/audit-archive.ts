import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as pipes from 'aws-cdk-lib/aws-pipes';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DataKeys } from './data-keys.ts';

/** Years an audit object cannot be changed or deleted by anyone (the booking retention). */
export const AUDIT_LOCK_YEARS = 7;

/**
 * What the audit log keeps of each change on the table: which item (its keys), what happened
 * (INSERT, MODIFY, REMOVE — a TTL expiry is a REMOVE too) and when, in stream order. The images
 * are left out on purpose: a record that can never be deleted must hold nothing personal, or an
 * erasure (Art. 17) could not reach it. Keys hold ids only (PASSENGER#P001, never an address).
 */
// Pipes' template rule: scalars in quotes, objects (the keys) without.
export const AUDIT_RECORD_TEMPLATE =
  '{"event": "<$.eventName>", "event_id": "<$.eventID>", ' +
  '"at": "<$.dynamodb.ApproximateCreationDateTime>", "sequence": "<$.dynamodb.SequenceNumber>", ' +
  '"keys": <$.dynamodb.Keys>}';

/**
 * The immutable audit log: the table's stream → an EventBridge pipe (keys and event names only)
 * → Firehose → an S3 bucket with Object Lock in compliance mode (versioned, the audit key,
 * public access blocked, TLS only, access logs kept). No code runs: nothing to patch, nothing
 * that can rewrite a record.
 */
export class AuditArchive extends Construct {
  readonly bucket: s3.Bucket;
  /** The access-log bucket (the audit bucket's, and the stack's other buckets'). */
  readonly accessLogs: s3.Bucket;
  readonly deliveryStream: firehose.CfnDeliveryStream;
  readonly pipe: pipes.CfnPipe;

  constructor(
    scope: Construct,
    id: string,
    props: {
      table: dynamodb.ITable;
      tableKey: kms.IKey;
      auditKey: kms.IKey;
      deadLetterQueue: sqs.IQueue;
    },
  ) {
    super(scope, id);
    this.accessLogs = this.accessLogBucket();
    this.bucket = this.auditBucket(props.auditKey);
    const deliveryRole = new iam.Role(this, 'DeliveryRole', {
      assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com'),
      description: 'Firehose: writes audit objects to the audit bucket only',
    });
    // Object access by bucket policy for this one role: the bucket is the only resource.
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [deliveryRole],
        actions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetBucketLocation'],
        resources: [this.bucket.bucketArn, this.bucket.arnForObjects('stream/*')],
      }),
    );
    props.auditKey.grant(deliveryRole, 'kms:GenerateDataKey', 'kms:Decrypt');
    this.deliveryStream = this.delivery(deliveryRole, props.auditKey);
    // Firehose checks its access when the stream is created: the grants come first.
    this.deliveryStream.node.addDependency(deliveryRole, this.bucket);
    this.pipe = this.streamPipe(props);
  }

  private accessLogBucket(): s3.Bucket {
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the audit bucket; logging it would log itself.',
    });
    return accessLogs;
  }

  private auditBucket(auditKey: kms.IKey): s3.Bucket {
    // Retained whatever the stack's removal policy: locked objects outlive the stack anyway.
    return new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: auditKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(
        Duration.days(AUDIT_LOCK_YEARS * 366),
      ),
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'audit/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  private delivery(role: iam.IRole, auditKey: kms.IKey): firehose.CfnDeliveryStream {
    return new firehose.CfnDeliveryStream(this, 'Delivery', {
      deliveryStreamType: 'DirectPut',
      deliveryStreamEncryptionConfigurationInput: { keyType: 'AWS_OWNED_CMK' },
      extendedS3DestinationConfiguration: {
        bucketArn: this.bucket.bucketArn,
        roleArn: role.roleArn,
        prefix: 'stream/!{timestamp:yyyy/MM/dd}/',
        errorOutputPrefix: 'stream-errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
        bufferingHints: { intervalInSeconds: 300, sizeInMBs: 16 },
        compressionFormat: 'GZIP',
        encryptionConfiguration: { kmsEncryptionConfig: { awskmsKeyArn: auditKey.keyArn } },
        // One JSON record a line.
        processingConfiguration: {
          enabled: true,
          processors: [{ type: 'AppendDelimiterToRecord' }],
        },
      },
    });
  }

  private streamPipe(props: {
    table: dynamodb.ITable;
    tableKey: kms.IKey;
    deadLetterQueue: sqs.IQueue;
  }): pipes.CfnPipe {
    const streamArn = props.table.tableStreamArn;
    if (!streamArn) throw new Error('the audit log needs the table stream');
    const role = new iam.Role(this, 'PipeRole', {
      assumedBy: new iam.ServicePrincipal('pipes.amazonaws.com'),
      description: 'Audit pipe: reads the table stream, writes to the audit delivery stream',
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        resources: [streamArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'],
        resources: [this.deliveryStream.attrArn],
      }),
    );
    props.tableKey.grant(role, 'kms:Decrypt');
    DataKeys.sendTo(props.deadLetterQueue, role);
    const pipe = new pipes.CfnPipe(this, 'Pipe', {
      name: `flightpulse-audit-${Stack.of(this).stackName}`.slice(0, 64),
      description: 'FlightPulseTable stream → audit log (keys and event names, no images)',
      roleArn: role.roleArn,
      source: streamArn,
      sourceParameters: {
        dynamoDbStreamParameters: {
          startingPosition: 'TRIM_HORIZON',
          batchSize: 100,
          maximumBatchingWindowInSeconds: 5,
          maximumRetryAttempts: 10,
          deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
        },
      },
      target: this.deliveryStream.attrArn,
      targetParameters: { inputTemplate: AUDIT_RECORD_TEMPLATE },
    });
    pipe.node.addDependency(role);
    return pipe;
  }
}
