import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { BusEntry } from '../../domain/event-routing/bus-events.ts';
import type { EventPublisher } from '../../ports.ts';

/** PutEvents takes at most 10 entries a call. */
const PUT_EVENTS_LIMIT = 10;
const MAX_ATTEMPTS = 4;

export class PublishFailedError extends Error {
  override name = 'PublishFailedError';
}

/** Publishes to an EventBridge bus in calls of 10, retrying only the entries that failed. */
export class EventBridgePublisher implements EventPublisher {
  private readonly client: EventBridgeClient;
  private readonly busName: string;

  constructor(client: EventBridgeClient, busName: string) {
    this.client = client;
    this.busName = busName;
  }

  async publish(entries: BusEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += PUT_EVENTS_LIMIT) {
      await this.putWithRetry(
        entries.slice(i, i + PUT_EVENTS_LIMIT).map((e) => ({
          EventBusName: this.busName,
          Source: e.source,
          DetailType: e.detailType,
          Detail: JSON.stringify(e.detail),
        })),
      );
    }
  }

  private async putWithRetry(batch: PutEventsRequestEntry[]): Promise<void> {
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const result = await this.client.send(new PutEventsCommand({ Entries: pending }));
      if (!result.FailedEntryCount) return;
      const failed = pending.filter((_, i) => result.Entries?.[i]?.ErrorCode);
      if (attempt >= MAX_ATTEMPTS) {
        const codes = result.Entries?.map((e) => e.ErrorCode)
          .filter(Boolean)
          .join(', ');
        throw new PublishFailedError(
          `${failed.length} events not accepted by ${this.busName}: ${codes}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      pending = failed;
    }
  }
}
