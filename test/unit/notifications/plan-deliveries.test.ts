import { describe, expect, it } from 'vitest';
import type { PassengerMessage } from '../../../src/domain/notifications/passenger-message.ts';
import {
  inSendingOrder,
  notificationId,
  planDeliveries,
} from '../../../src/domain/notifications/plan-deliveries.ts';
import { disruption } from '../../support/fixtures.ts';

const delay = disruption({ eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 25 });
const terminal = disruption({
  eventType: 'GATE_CHANGE',
  flightId: 'SW3456',
  oldGate: 'A5',
  newGate: 'D15',
  terminalChange: true,
});

const DEVICE = 'arn:aws:sns:us-east-1:000000000000:endpoint/GCM/flightpulse/d1';

describe('planDeliveries', () => {
  it('sends only on the channels the passenger accepts', () => {
    expect(planDeliveries({ email: true, sms: false, push: true }, delay).deliveries).toEqual([
      { channel: 'EMAIL', priority: 'NORMAL' },
    ]);
    expect(planDeliveries({ email: false, sms: true, push: false }, delay).deliveries).toEqual([
      { channel: 'SMS', priority: 'NORMAL' },
    ]);
    expect(planDeliveries({ email: false, sms: false, push: true }, delay).deliveries).toEqual([]);
  });

  it('names push as unreachable while the passenger has no device, instead of dropping it silently', () => {
    expect(planDeliveries({ email: true, sms: false, push: true }, delay).unreachable).toEqual([
      'PUSH',
    ]);
    expect(
      planDeliveries({ email: true, sms: false, push: true }, delay, [DEVICE]).unreachable,
    ).toEqual([]);
    expect(planDeliveries({ email: true, sms: true, push: false }, delay).unreachable).toEqual([]);
  });

  it('sends the short message by push to a passenger who accepts push and registered a device', () => {
    expect(
      planDeliveries({ email: true, sms: false, push: true }, delay, [DEVICE]).deliveries,
    ).toEqual([
      { channel: 'EMAIL', priority: 'NORMAL' },
      { channel: 'PUSH', priority: 'NORMAL' },
    ]);
    expect(
      planDeliveries({ email: false, sms: false, push: true }, delay, [DEVICE]).deliveries,
    ).toEqual([{ channel: 'PUSH', priority: 'NORMAL' }]);
  });

  it('sends one short message, by push rather than SMS when both are accepted and a device is there', () => {
    const both = { email: false, sms: true, push: true };
    expect(planDeliveries(both, delay, [DEVICE]).deliveries).toEqual([
      { channel: 'PUSH', priority: 'NORMAL' },
    ]);
    expect(planDeliveries(both, delay).deliveries).toEqual([
      { channel: 'SMS', priority: 'NORMAL' },
    ]);
    // A device the passenger registered but push not accepted: SMS, as chosen.
    expect(
      planDeliveries({ email: false, sms: true, push: false }, delay, [DEVICE]).deliveries,
    ).toEqual([{ channel: 'SMS', priority: 'NORMAL' }]);
  });

  it('sends the push of a terminal change first, marked immediate', () => {
    expect(
      planDeliveries({ email: true, sms: true, push: true }, terminal, [DEVICE]).deliveries,
    ).toEqual([
      { channel: 'PUSH', priority: 'IMMEDIATE' },
      { channel: 'EMAIL', priority: 'NORMAL' },
    ]);
  });

  it('sends the SMS of a terminal change first, marked immediate', () => {
    expect(planDeliveries({ email: true, sms: true, push: false }, terminal).deliveries).toEqual([
      { channel: 'SMS', priority: 'IMMEDIATE' },
      { channel: 'EMAIL', priority: 'NORMAL' },
    ]);
  });

  it('sends every immediate delivery of a batch before any normal one, plan order otherwise', () => {
    const message = (booking: string, channels: Array<['EMAIL' | 'SMS', 'IMMEDIATE' | 'NORMAL']>) =>
      ({
        booking_id: booking,
        deliveries: channels.map(([channel, priority]) => ({
          channel,
          priority,
          recipient: 'r',
          body: 'b',
        })),
      }) as unknown as PassengerMessage;
    const order = inSendingOrder([
      message('B1', [
        ['SMS', 'IMMEDIATE'],
        ['EMAIL', 'NORMAL'],
      ]),
      message('B2', [['EMAIL', 'NORMAL']]),
      message('B3', [
        ['SMS', 'IMMEDIATE'],
        ['EMAIL', 'NORMAL'],
      ]),
    ]).map(({ message: m, delivery: d }) => `${m.booking_id}:${d.channel}`);
    expect(order).toEqual(['B1:SMS', 'B3:SMS', 'B1:EMAIL', 'B2:EMAIL', 'B3:EMAIL']);
  });

  it('keys a notification by event, booking and channel', () => {
    expect(notificationId('e1', 'B001', 'SMS')).toBe('e1:B001:SMS');
  });
});
