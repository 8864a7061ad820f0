import { Duration, type Stack } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';

/** Where what failed after its retries waits: one encrypted queue per path, kept 14 days. */
export function deadLetterQueues(stack: Stack, key: kms.IKey) {
  const queue = (name: string) =>
    new sqs.Queue(stack, name, {
      queueName: `flightpulse-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
  return {
    stream: queue('StreamDeadLetters'),
    delivery: queue('EventDeliveryDeadLetters'),
    workflow: queue('WorkflowDeadLetters'),
    weather: queue('WeatherWatchDeadLetters'),
    audit: queue('AuditDeadLetters'),
  };
}
