import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import { OFFER_DETAIL_TYPES, REBOOKING_EVENT_SOURCE } from '../../domain/rebooking/offer-events.ts';
import type { OfferExpiryScheduler } from '../../ports/rebooking-ports.ts';

export interface SchedulerTarget {
  /** The schedule group the offer expiries live in. */
  groupName: string;
  /** The event bus ARN the schedule puts `offer.expiry_due` on. */
  busArn: string;
  /** The role EventBridge Scheduler assumes to put the event. */
  roleArn: string;
}

/**
 * One EventBridge Scheduler one-time schedule per offer (`at(...)`, deleted after it fires) that
 * puts `offer.expiry_due` on the bus — the same event the local scheduler publishes.
 */
export class EventBridgeOfferExpiryScheduler implements OfferExpiryScheduler {
  private readonly client: SchedulerClient;
  private readonly target: SchedulerTarget;

  constructor(client: SchedulerClient, target: SchedulerTarget) {
    this.client = client;
    this.target = target;
  }

  async schedule(offerId: string, at: string): Promise<void> {
    try {
      await this.client.send(
        new CreateScheduleCommand({
          Name: scheduleName(offerId),
          GroupName: this.target.groupName,
          ScheduleExpression: `at(${new Date(at).toISOString().slice(0, 19)})`,
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: this.target.busArn,
            RoleArn: this.target.roleArn,
            EventBridgeParameters: {
              DetailType: OFFER_DETAIL_TYPES.expiryDue,
              Source: REBOOKING_EVENT_SOURCE,
            },
            Input: JSON.stringify({ offer_id: offerId, due_at: at }),
          },
        }),
      );
    } catch (error) {
      // A retried task schedules the same offer again: the first schedule stands.
      if (!(error instanceof ConflictException)) throw error;
    }
  }

  async cancel(offerId: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteScheduleCommand({
          Name: scheduleName(offerId),
          GroupName: this.target.groupName,
        }),
      );
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }
}

/** Schedule names allow 64 characters of [0-9a-zA-Z-_.]; offer ids fit. */
export function scheduleName(offerId: string): string {
  return `offer-expiry-${offerId}`.slice(0, 64);
}
