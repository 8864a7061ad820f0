import { describe, expect, it } from 'vitest';
import { notificationFactKey } from '../../../src/domain/notifications/notification-fact.ts';

describe('notificationFactKey', () => {
  it('is the same for a repeated cancellation, whatever its event id', () => {
    const key = notificationFactKey('CANCELLATION', { flight_id: 'SW9012' }, 'B1', 'EMAIL');
    expect(key).toBe('SW9012:B1:EMAIL:CANCELLATION:CANCELLED');
  });

  it('differs for a genuinely new delay and for another channel', () => {
    const first = notificationFactKey(
      'DELAY',
      { flight_id: 'SW1', new_departure: 'T1' },
      'B1',
      'SMS',
    );
    const same = notificationFactKey(
      'DELAY',
      { flight_id: 'SW1', new_departure: 'T1' },
      'B1',
      'SMS',
    );
    const later = notificationFactKey(
      'DELAY',
      { flight_id: 'SW1', new_departure: 'T2' },
      'B1',
      'SMS',
    );
    const email = notificationFactKey(
      'DELAY',
      { flight_id: 'SW1', new_departure: 'T1' },
      'B1',
      'EMAIL',
    );
    expect(same).toBe(first);
    expect(new Set([first, later, email]).size).toBe(3);
  });

  it('keys a gate change by its new gate', () => {
    expect(
      notificationFactKey('GATE_CHANGE', { flight_id: 'SW3', new_gate: 'D15' }, 'B2', 'SMS'),
    ).toBe('SW3:B2:SMS:GATE_CHANGE:D15');
  });
});
