import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { secondaryEvents } from '../domain/event-routing/stream-changes.ts';
import type { EventPublisher, Log } from '../ports.ts';

/**
 * DynamoDB Streams handler: turns booking and flight status changes into bus events. Reports
 * partial batch failures so only the failed records are retried.
 */
export function createStreamChangesHandler(deps: { publisher: EventPublisher; log: Log }) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        const image = (i: unknown) =>
          i ? unmarshall(i as Record<string, AttributeValue>) : undefined;
        const seconds = record.dynamodb?.ApproximateCreationDateTime ?? 0;
        const entries = secondaryEvents({
          eventName: record.eventName ?? 'MODIFY',
          oldImage: image(record.dynamodb?.OldImage),
          newImage: image(record.dynamodb?.NewImage),
          approximateCreationTime: new Date(seconds * 1000).toISOString(),
        });
        if (entries.length > 0) await deps.publisher.publish(entries);
      } catch (error) {
        deps.log.error('stream record failed', { eventID: record.eventID, error: String(error) });
        batchItemFailures.push({
          itemIdentifier: record.dynamodb?.SequenceNumber ?? record.eventID ?? '',
        });
      }
    }
    return { batchItemFailures };
  };
}
