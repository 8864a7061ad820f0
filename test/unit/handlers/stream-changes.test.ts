import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { BusEntry } from '../../../src/domain/event-routing/bus-events.ts';
import { createStreamChangesHandler } from '../../../src/handlers/stream-changes.ts';
import { RecordingPublisher, SilentLog } from '../../support/fakes.ts';
import { sampleEvent } from '../../support/sample-events.ts';

describe('stream-changes handler', () => {
  it('raises booking.status_changed for each booking whose status changed', async () => {
    const publisher = new RecordingPublisher();
    const handler = createStreamChangesHandler({ publisher, log: new SilentLog() });
    const event = sampleEvent<DynamoDBStreamEvent>('dynamodb-stream', 'booking-needs-rebooking');

    const result = await handler(event);

    expect(result.batchItemFailures).toEqual([]);
    expect(publisher.published.map((e) => [e.detailType, e.detail.booking_id])).toEqual(
      event.Records.map((r) => ['booking.status_changed', r.dynamodb?.NewImage?.booking_id?.S]),
    );
  });

  it('reports only the record whose publish failed, so only it is retried', async () => {
    const log = new SilentLog();
    const failing = {
      async publish(entries: BusEntry[]) {
        if (entries.some((e) => e.detail.booking_id === 'B010')) throw new Error('bus throttled');
      },
    };
    const handler = createStreamChangesHandler({ publisher: failing, log });
    const event = sampleEvent<DynamoDBStreamEvent>('dynamodb-stream', 'booking-needs-rebooking');

    const result = await handler(event);

    const b010 = event.Records.find((r) => r.dynamodb?.Keys?.PK?.S === 'BOOKING#B010');
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: b010?.dynamodb?.SequenceNumber }]);
    expect(log.lines.filter((l) => l.level === 'error')).toHaveLength(1);
  });
});
