import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  AuthenticationMethod,
  KafkaDlq,
  ManagedKafkaEventSource,
  SelfManagedKafkaEventSource,
} from 'aws-cdk-lib/aws-lambda-event-sources';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import {
  FLIGHT_OPERATIONS_DEAD_LETTER_TOPIC,
  FLIGHT_OPERATIONS_TOPIC,
} from '../../../src/domain/disruptions/inbound-events.ts';
import type { FlightPulseStackOptions } from '../stack-options.ts';

/**
 * Feeds the ingest function from Kafka: an event source mapping for Amazon MSK or for a
 * self-managed cluster, in batches. One dead-letter policy, as locally: a record that cannot be
 * processed ends on the `flight-operations.dlq` topic with its payload — a rejected record copied
 * there by ingest with its reason, a batch that kept failing put there by the event source
 * mapping (a Kafka on-failure destination carries the records, an SQS one only their offsets).
 */
export class KafkaIngest extends Construct {
  constructor(
    scope: Construct,
    id: string,
    props: {
      fn: lambda.IFunction;
      kafka: FlightPulseStackOptions['kafka'];
    },
  ) {
    super(scope, id);
    const common = {
      topic: FLIGHT_OPERATIONS_TOPIC,
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(1),
      onFailure: new KafkaDlq(FLIGHT_OPERATIONS_DEAD_LETTER_TOPIC),
      // A poison batch is split, retried a bounded number of times, then goes to the on-failure
      // destination instead of blocking its partition; a replay from TRIM_HORIZON skips records
      // older than ingest's own age guard (7 days). Both need provisioned pollers.
      retryAttempts: 3,
      bisectBatchOnError: true,
      maxRecordAge: Duration.days(7),
      provisionedPollerConfig: { minimumPollers: 1, maximumPollers: 3 },
    };
    switch (props.kafka.kind) {
      case 'msk':
        props.fn.addEventSource(
          new ManagedKafkaEventSource({
            ...common,
            clusterArn: props.kafka.clusterArn,
            consumerGroupId: props.kafka.consumerGroupId,
          }),
        );
        break;
      case 'self-managed':
        props.fn.addEventSource(
          new SelfManagedKafkaEventSource({
            ...common,
            bootstrapServers: props.kafka.bootstrapServers,
            consumerGroupId: props.kafka.consumerGroupId,
            authenticationMethod: AuthenticationMethod.SASL_SCRAM_512_AUTH,
            secret: secretsmanager.Secret.fromSecretCompleteArn(
              this,
              'KafkaCredentials',
              props.kafka.secretArn,
            ),
          }),
        );
        break;
      case 'none':
        return;
    }
    // Lag that keeps growing means a stalled partition or an ingest that cannot keep up.
    new cloudwatch.Alarm(this, 'OffsetLag', {
      alarmName: 'flightpulse-kafka-offset-lag',
      alarmDescription:
        'Kafka consumer lag of the ingest function above 1,000 records for 5 minutes',
      metric: new cloudwatch.Metric({
        namespace: 'AWS/Lambda',
        metricName: 'OffsetLag',
        dimensionsMap: { FunctionName: props.fn.functionName },
        statistic: 'Maximum',
        period: Duration.minutes(1),
      }),
      threshold: 1000,
      evaluationPeriods: 5,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
