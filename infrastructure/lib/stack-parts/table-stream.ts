import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import {
  FilterCriteria,
  FilterRule,
  type Function as LambdaFunction,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { SECONDARY_EVENT_ITEMS } from '../../../src/domain/event-routing/stream-changes.ts';
import { EncryptedSqsDlq } from '../constructs/data-keys.ts';

/** Feeds the table's stream to `fn`, which turns booking and flight changes into events. */
export function subscribeToTableStream(
  fn: LambdaFunction,
  table: dynamodb.ITable,
  deadLetterQueue: sqs.IQueue,
): void {
  fn.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: StartingPosition.LATEST,
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(1),
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      retryAttempts: 5,
      maxRecordAge: Duration.hours(24),
      onFailure: new EncryptedSqsDlq(deadLetterQueue),
      // Only bookings' and flights' own items raise events: the rest never invoke the handler.
      filters: SECONDARY_EVENT_ITEMS.partitionPrefixes.map((prefix) =>
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('MODIFY'),
          dynamodb: {
            Keys: {
              PK: { S: FilterRule.beginsWith(prefix) },
              SK: { S: FilterRule.isEqual(SECONDARY_EVENT_ITEMS.sortKey) },
            },
          },
        }),
      ),
    }),
  );
}
