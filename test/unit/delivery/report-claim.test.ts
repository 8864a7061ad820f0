import { describe, expect, it } from 'vitest';
import { carriedClaim, claimOfReference } from '../../../src/domain/delivery/report-claim.ts';

const claim = {
  flight_id: 'SW1234',
  booking_id: 'B001',
  notification_id: 'SW1234:B001:GATE_CHANGE:GATE_CHANGE:D15 (terminal)',
};

describe('the claim a message carries for its reports', () => {
  it('comes back as it went, in the characters an SES tag value allows', () => {
    for (const channel of ['EMAIL', 'SMS'] as const) {
      const reference = carriedClaim(channel, claim);
      expect(reference).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(claimOfReference(reference)).toEqual(claim);
    }
  });

  it('is not carried on push, whose failure reports name only the message id', () => {
    expect(carriedClaim('PUSH', claim)).toBeUndefined();
  });

  it('is not carried when it would not fit a tag value: the notification keeps a pointer', () => {
    const long = { ...claim, notification_id: 'x'.repeat(200) };
    expect(carriedClaim('EMAIL', long)).toBeUndefined();
    const fits = { ...claim, notification_id: 'x'.repeat(150) };
    expect(carriedClaim('EMAIL', fits)?.length).toBeLessThanOrEqual(256);
  });

  it('reads nothing from what is not a claim', () => {
    for (const text of [undefined, '', 'abc', Buffer.from('{"a":1}').toString('base64url')])
      expect(claimOfReference(text)).toBeUndefined();
  });
});
