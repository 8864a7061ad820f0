import { notificationId } from '../domain/notifications/plan-deliveries.ts';
import { claimNoticeMessage } from '../domain/rights/claim-notice.ts';
import { claimLink, type RightsSettings } from '../domain/rights/rights-settings.ts';
import { STATEMENT_LANGUAGES, type StatementLanguage } from '../domain/rights/rights-statement.ts';
import type { BookingStore, Clock, EntitlementStore, Log } from '../ports.ts';
import type { TellPassengers } from './tell-passengers.ts';

/** Notices handled per run; the next run takes the rest. */
const BATCH = 100;

export interface ClaimNoticeRun {
  sent: number;
  /** Sent after the 48 h deadline (the job was down): sent anyway, and logged as an error. */
  late: number;
}

/**
 * Scheduled job (EventBridge Scheduler in AWS, a timer locally): sends each passenger whose
 * entitlement falls under the EU261 revision the claim notice by e-mail — the claim form link
 * and the reason, naming any extraordinary circumstance — and records it as sent. The
 * notification id is fixed per event and booking, so a retry after a crash is recorded once.
 */
export function createSendClaimNotices(deps: {
  entitlements: EntitlementStore;
  bookings: BookingStore;
  /** Sends the e-mail through the provider and announces it. */
  tell: TellPassengers;
  clock: Clock;
  rights: RightsSettings;
  log: Log;
}) {
  return async (): Promise<ClaimNoticeRun> => {
    const due = await deps.entitlements.listClaimNoticesDue(BATCH);
    const run: ClaimNoticeRun = { sent: 0, late: 0 };
    for (const entitlement of due) {
      const notice = entitlement.claim_notice;
      if (!notice || notice.sent_at !== null) continue;
      const passenger = await deps.bookings.getPassenger(entitlement.passenger_id);
      if (!passenger) {
        deps.log.error('claim notice without a passenger record', {
          booking_id: entitlement.booking_id,
        });
        continue;
      }
      const language =
        STATEMENT_LANGUAGES.find((l) => l === (passenger as { language?: string }).language) ??
        ('en' satisfies StatementLanguage);
      const link = claimLink(deps.rights, entitlement.booking_id);
      const message = claimNoticeMessage(entitlement, passenger.first_name, language, link);
      const now = deps.clock.now();
      const eventId = `${entitlement.event_id}:claim-notice`;
      const sent = await deps.tell([
        {
          notification_id: notificationId(eventId, entitlement.booking_id, 'EMAIL'),
          event_id: eventId,
          flight_id: entitlement.flight_id,
          booking_id: entitlement.booking_id,
          passenger_id: entitlement.passenger_id,
          message_type:
            entitlement.disruption_type === 'DELAY'
              ? 'DELAY_NOTIFICATION'
              : 'CANCELLATION_NOTIFICATION',
          channel: 'EMAIL',
          recipient: passenger.email,
          subject: message.subject,
          body: message.body,
          priority: 'NORMAL',
          generated_by: 'TEMPLATE',
          segment: 'CLAIM_NOTICE',
          created_at: now,
        },
      ]);
      // A notice the mailbox refused is recorded BOUNCED on its notification; it is not retried.
      if (sent.length === 0)
        deps.log.error('claim notice not delivered', { booking_id: entitlement.booking_id });
      if (!(await deps.entitlements.markClaimNoticeSent(entitlement, now))) continue;
      run.sent += 1;
      if (now > notice.due_by) {
        run.late += 1;
        deps.log.error('claim notice sent after its deadline', {
          booking_id: entitlement.booking_id,
          due_by: notice.due_by,
        });
      }
    }
    return run;
  };
}
