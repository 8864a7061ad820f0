import { describe, expect, it } from 'vitest';
import {
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
    expect(planDeliveries({ email: true, sms: false, push: true }, delay)).toEqual([
      { channel: 'EMAIL', priority: 'NORMAL' },
    ]);
    expect(planDeliveries({ email: false, sms: true, push: false }, delay)).toEqual([
      { channel: 'SMS', priority: 'NORMAL' },
    ]);
    expect(planDeliveries({ email: false, sms: false, push: true }, delay)).toEqual([]);
  });

  it('sends the SMS of a terminal change first, marked immediate', () => {
    expect(planDeliveries({ email: true, sms: true, push: false }, terminal)).toEqual([
      { channel: 'SMS', priority: 'IMMEDIATE' },
      { channel: 'EMAIL', priority: 'NORMAL' },
    ]);
  });

  it('keys a notification by event, booking and channel', () => {
    expect(notificationId('e1', 'B001', 'SMS')).toBe('e1:B001:SMS');
  });
});
