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

  it('names push as accepted but not delivered yet, instead of dropping it silently', () => {
    expect(planDeliveries({ email: true, sms: false, push: true }, delay).notDelivered).toEqual([
      'PUSH',
    ]);
    expect(planDeliveries({ email: true, sms: true, push: false }, delay).notDelivered).toEqual([]);
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
