import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PassengerLinks } from '../../ports/passenger-links.ts';

/**
 * Offer links signed with HMAC-SHA256: `<base>/#/offer/<booking>.<expiry>.<signature>`, short
 * enough for an SMS, bound to one booking and void after the offer's expiry. The key comes from
 * the composition root (the data directory locally, a secret in AWS).
 */
export class HmacPassengerLinks implements PassengerLinks {
  private readonly key: Buffer;
  private readonly baseUrl: string;
  private readonly now: () => number;

  constructor(options: { key: Buffer; baseUrl: string; now?: () => number }) {
    this.key = options.key;
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
    this.now = options.now ?? Date.now;
  }

  async offerLink(bookingId: string, expiresAt: string): Promise<string> {
    const expiry = Math.floor(Date.parse(expiresAt) / 1000).toString(36);
    const payload = `${bookingId}.${expiry}`;
    return `${this.baseUrl}/#/offer/${payload}.${this.sign(payload)}`;
  }

  async verify(token: string): Promise<{ bookingId: string } | undefined> {
    const [bookingId, expiry, signature] = token.split('.');
    if (!bookingId || !expiry || !signature) return undefined;
    const expected = Buffer.from(this.sign(`${bookingId}.${expiry}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (Number.parseInt(expiry, 36) * 1000 < this.now()) return undefined;
    return { bookingId };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url').slice(0, 22);
  }
}
