import { ArnFormat, Aspects, type IAspect, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';

/** What a FlightPulse function or workflow may do with a key: no wildcard actions. */
const KEY_USE = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'];

/**
 * The customer-managed keys of the data FlightPulse holds about passengers, one per kind of
 * store, each rotated yearly: the table (and its stream), the queues whose messages carry
 * events, the log groups, the audit archive and the alarm topic (the delivery-report topics have
 * their own, in Channels) and the workflow manifests. A key of its own per store keeps a grant to one
 * from opening the others.
 */
export class DataKeys extends Construct {
  readonly table: kms.Key;
  readonly queues: kms.Key;
  readonly logs: kms.Key;
  readonly audit: kms.Key;
  readonly topics: kms.Key;
  readonly manifests: kms.Key;

  constructor(scope: Construct, id: string, props: { removalPolicy: RemovalPolicy }) {
    super(scope, id);
    const key = (name: string, description: string) =>
      new kms.Key(this, name, {
        alias: `alias/flightpulse/${name.toLowerCase()}`,
        description,
        enableKeyRotation: true,
        removalPolicy: props.removalPolicy,
      });
    this.table = key('Table', 'FlightPulseTable and its stream: passengers, bookings, messages');
    this.queues = key('Queues', 'FlightPulse dead-letter queues (failed events and batches)');
    this.logs = key('Logs', 'FlightPulse log groups');
    this.audit = key(
      'Audit',
      'FlightPulse audit archive (the table stream, without personal data)',
    );
    this.topics = key('Topics', 'FlightPulse alarm topic');
    this.manifests = key(
      'Manifests',
      "FlightPulse workflow manifests (a run's booking ids, read by its Distributed Maps)",
    );
    const stack = Stack.of(this);
    // CloudWatch Logs encrypts with the key on the groups' behalf, for this account's groups only.
    this.logs.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: [
          'kms:Encrypt*',
          'kms:Decrypt*',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:Describe*',
        ],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    // EventBridge puts undeliverable events on the dead-letter queues.
    this.queues.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    // CloudWatch alarms publish to the encrypted alarm topic.
    this.topics.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    // Every log group of the stack, whoever creates it, is encrypted with the logs key.
    Aspects.of(stack).add(new EncryptLogGroups(this.logs));
  }

  /** Lets a function or workflow read and write what a key protects (explicit actions only). */
  static use(key: kms.IKey, grantee: iam.IGrantable): void {
    key.grant(grantee, ...KEY_USE);
  }

  /**
   * Lets a sender put messages on an encrypted queue: SendMessage and the two key actions SQS
   * needs for it (`grantSendMessages` would grant `kms:ReEncrypt*` and `kms:GenerateDataKey*`).
   */
  static sendTo(queue: sqs.IQueue, grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }),
    );
    queue.encryptionMasterKey?.grant(grantee, 'kms:GenerateDataKey', 'kms:Decrypt');
  }
}

/**
 * A Lambda event source's on-failure queue granted with `DataKeys.sendTo` (CDK's `SqsDlq`
 * grants the key's wildcard actions).
 */
export class EncryptedSqsDlq implements lambda.IEventSourceDlq {
  private readonly queue: sqs.IQueue;

  constructor(queue: sqs.IQueue) {
    this.queue = queue;
  }

  bind(_target: lambda.IEventSourceMapping, fn: lambda.IFunction): lambda.DlqDestinationConfig {
    DataKeys.sendTo(this.queue, fn);
    return { destination: this.queue.queueArn };
  }
}

/** Sets the logs key on every log group it visits. */
class EncryptLogGroups implements IAspect {
  private readonly key: kms.IKey;

  constructor(key: kms.IKey) {
    this.key = key;
  }

  visit(node: IConstruct): void {
    if (node instanceof logs.CfnLogGroup && node.kmsKeyId === undefined)
      node.kmsKeyId = this.key.keyArn;
  }
}
