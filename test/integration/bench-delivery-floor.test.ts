/**
 * The benchmark's delivery floor carries the wave's mix through the real way out (SMTP to the
 * mailbox, the carrier's SMS API) and counts what arrived at the passengers' end.
 */
import { describe, expect, it } from 'vitest';
import { deliveryFloor } from '../../bench/delivery-floor.ts';

describe('the delivery floor', () => {
  it("delivers the wave's mix, push as SMS, and counts each message where it arrived", async () => {
    const floor = await deliveryFloor({ EMAIL: 140, SMS: 95, PUSH: 5 });
    expect(floor.messages).toEqual({ EMAIL: 140, SMS: 100 });
    expect(floor.seconds).toBeGreaterThan(0);
  });

  it('delivers nothing when the wave delivered nothing', async () => {
    const floor = await deliveryFloor({});
    expect(floor.messages).toEqual({ EMAIL: 0, SMS: 0 });
  });
});
