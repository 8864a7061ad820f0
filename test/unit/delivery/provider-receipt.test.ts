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
      status: 'BOUNCED',
      reason: 'smtp; 550 5.1.1 user unknown',
      reported_at: '2025-01-15T12:00:04.000Z',
    });
  });

  it('reads an SES delivery', () => {
    const event = sampleEvent<{ detail: unknown }>('ses', 'delivery');
    expect(receiptFromSes(event.detail)).toMatchObject({
      provider_message_id: '0100018f-ses-message-2',
      status: 'DELIVERED',
    });
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

  it('refuses a record that is not a provider event', () => {
    expect(() => receiptFromSms({ hello: 'world' })).toThrow();
  });
});
