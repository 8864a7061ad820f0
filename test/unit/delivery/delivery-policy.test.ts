import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextChannel } from '../../../src/domain/delivery/channel-fallback.ts';
import { canMoveTo, DeliveryStatusSchema } from '../../../src/domain/delivery/delivery-status.ts';
import { renderEmail } from '../../../src/domain/delivery/render-email.ts';
import { mayRetry, retryDelayMs } from '../../../src/domain/delivery/retry-policy.ts';
import { fullBucket, takeToken } from '../../../src/domain/delivery/token-bucket.ts';

const all = { email: true, sms: true, push: true };

describe('channel fallback', () => {
  it('falls back from SMS to e-mail to push', () => {
    expect(nextChannel(all, ['SMS'], { push: true })).toBe('EMAIL');
    expect(nextChannel(all, ['SMS', 'EMAIL'], { push: true })).toBe('PUSH');
    expect(nextChannel(all, ['SMS', 'EMAIL', 'PUSH'], { push: true })).toBeUndefined();
  });

  it('never falls back to a channel the passenger does not accept', () => {
    expect(nextChannel({ email: false, sms: true, push: true }, ['SMS'], { push: true })).toBe(
      'PUSH',
    );
    expect(nextChannel({ email: false, sms: true, push: false }, ['SMS'], { push: true })).toBe(
      undefined,
    );
  });

  it('skips push when the passenger has no registered device', () => {
    expect(nextChannel(all, ['SMS', 'EMAIL'], { push: false })).toBeUndefined();
  });

  it('never returns a channel already tried', () => {
    const channel = fc.constantFrom('SMS' as const, 'EMAIL' as const, 'PUSH' as const);
    fc.assert(
      fc.property(fc.array(channel), fc.boolean(), fc.boolean(), fc.boolean(), (tried, e, s, p) => {
        const next = nextChannel({ email: e, sms: s, push: p }, tried, { push: true });
        return next === undefined || !tried.includes(next);
      }),
    );
  });
});

describe('delivery status', () => {
  it('only moves forward', () => {
    expect(canMoveTo('QUEUED', 'SENT')).toBe(true);
    expect(canMoveTo('SENT', 'DELIVERED')).toBe(true);
    expect(canMoveTo('SENT', 'BOUNCED')).toBe(true);
    expect(canMoveTo('DELIVERED', 'SENT')).toBe(false);
    expect(canMoveTo('BOUNCED', 'DELIVERED')).toBe(false);
    for (const s of DeliveryStatusSchema.options) expect(canMoveTo(s, s)).toBe(false);
  });
});

describe('retry policy', () => {
  it('backs off exponentially with jitter and a cap', () => {
    const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(retryDelayMs(1, 0.999, policy)).toBe(99);
    expect(retryDelayMs(3, 0.999, policy)).toBe(399);
    expect(retryDelayMs(10, 0.999, policy)).toBe(999);
    expect(retryDelayMs(10, 0, policy)).toBe(0);
    expect(mayRetry(3, policy)).toBe(true);
    expect(mayRetry(4, policy)).toBe(false);
  });
});

describe('token bucket', () => {
  const limit = { ratePerSecond: 10, burst: 2 };

  it('allows a burst, then makes the caller wait for the refill', () => {
    let state = fullBucket(limit, 0);
    const first = takeToken(state, limit, 0);
    const second = takeToken(first.state, limit, 0);
    const third = takeToken(second.state, limit, 0);
    expect([first.waitMs, second.waitMs, third.waitMs]).toEqual([0, 0, 100]);
    state = third.state;
    expect(takeToken(state, limit, 100).waitMs).toBe(0);
  });

  it('never lets more through than the rate allows over a window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (gaps) => {
        let state = fullBucket(limit, 0);
        let now = 0;
        let granted = 0;
        for (const gap of gaps) {
          now += gap;
          const result = takeToken(state, limit, now);
          state = result.state;
          if (result.waitMs === 0) granted++;
        }
        return granted <= limit.burst + (now / 1000) * limit.ratePerSecond + 1e-9;
      }),
    );
  });
});

describe('e-mail rendering', () => {
  it('renders the same message as text and escaped HTML, links as anchors', () => {
    const email = renderEmail(
      'Gate <change>',
      'Hi Ana,\n\nSee https://example.test/o?b=1&x=2 now.',
    );
    expect(email.text).toBe('Hi Ana,\n\nSee https://example.test/o?b=1&x=2 now.');
    expect(email.html).toContain('<title>Gate &lt;change&gt;</title>');
    expect(email.html).toContain('<a href="https://example.test/o?b=1&amp;x=2">');
    expect(email.html).not.toContain('<change>');
  });
});
