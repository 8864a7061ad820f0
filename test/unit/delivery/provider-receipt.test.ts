import { describe, expect, it } from 'vitest';
import {
  receiptFromPushFailure,
  receiptFromSes,
  receiptFromSms,
} from '../../../src/domain/delivery/provider-receipt.ts';
import { sampleEvent } from '../../support/sample-events.ts';

describe('provider receipts', () => {
  it('reads an SES permanent bounce with its diagnostic', () => {
    const event = sampleEvent<{ detail: unknown }>('ses', 'bounce');
    expect(receiptFromSes(event.detail)).toEqual({
      provider_message_id: '0100018f-ses-message-1',
      // The claim the message was tagged with comes back among its tags.
      claim: {
        flight_id: 'SW1234',
        booking_id: 'B001',
        notification_id: 'SW1234:B001:EMAIL:CANCELLATION:CANCELLED',
      },
      status: 'BOUNCED',
      reason: 'smtp; 550 5.1.1 user unknown',
      reported_at: '2025-01-15T12:00:04.000Z',
    });
  });

  it('reads an SES delivery', () => {
    const event = sampleEvent<{ detail: unknown }>('ses', 'delivery');
    const receipt = receiptFromSes(event.detail);
    expect(receipt).toMatchObject({
      provider_message_id: '0100018f-ses-message-2',
      status: 'DELIVERED',
    });
    // Sent without a claim tag (before claims were carried): found by its message id.
    expect(receipt).not.toHaveProperty('claim');
  });

  it('ignores an SES transient bounce: SES is still trying', () => {
    const event = sampleEvent<{ detail: { bounce: { bounceType: string } } }>('ses', 'bounce');
    event.detail.bounce.bounceType = 'Transient';
    expect(receiptFromSes(event.detail)).toBeUndefined();
  });

  it('reads an SMS carrier-unreachable receipt as a bounce', () => {
    const record = sampleEvent('end-user-messaging', 'text-carrier-unreachable');
    expect(receiptFromSms(record)).toEqual({
      provider_message_id: 'sms-message-1',
      // The context the message was sent with comes back in its event records.
      claim: {
        flight_id: 'SW1234',
        booking_id: 'B002',
        notification_id: 'SW1234:B002:SMS:DELAY:2025-01-15T15:45:00Z',
      },
      status: 'BOUNCED',
      reason: 'Carrier could not reach the handset',
      reported_at: new Date(1736942405000).toISOString(),
    });
  });

  it('treats an in-flight SMS status as not final', () => {
    const record = { ...sampleEvent('end-user-messaging', 'text-carrier-unreachable') };
    expect(receiptFromSms({ ...record, messageStatus: 'PENDING' })).toBeUndefined();
  });

  it('reads an SNS push delivery failure as a bounce', () => {
    expect(receiptFromPushFailure(sampleEvent('sns', 'push-delivery-failure'))).toMatchObject({
      provider_message_id: 'push-message-1',
      status: 'BOUNCED',
      reason: 'Endpoint is disabled',
    });
  });

  it('leaves out a claim that is not one of ours, and reads the rest of the report', () => {
    const record = sampleEvent<{ context: Record<string, string> }>(
      'end-user-messaging',
      'text-carrier-unreachable',
    );
    for (const claim of ['not-base64-json', Buffer.from('["SW1234",""]').toString('base64url')]) {
      const receipt = receiptFromSms({ ...record, context: { ...record.context, claim } });
      expect(receipt).toMatchObject({ provider_message_id: 'sms-message-1', status: 'BOUNCED' });
      expect(receipt).not.toHaveProperty('claim');
    }
  });

  it('refuses a record that is not a provider event', () => {
    expect(() => receiptFromSms({ hello: 'world' })).toThrow();
  });
});
