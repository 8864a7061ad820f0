import { describe, expect, it } from 'vitest';
import { fallbackNotification } from '../../../src/domain/delivery/fallback-notification.ts';
import type { NotificationDetail } from '../../../src/domain/event-routing/bus-events.ts';
import type { Passenger } from '../../../src/domain/records/passenger.ts';
import { loadSampleData } from '../../../src/runtime/sample-data.ts';

const DEVICE = 'arn:aws:sns:us-east-1:000000000000:endpoint/GCM/flightpulse/d1';
/** P001 accepts e-mail, SMS and push; with a device, the short message goes by push. */
const passenger: Passenger = {
  ...(loadSampleData().passengers.find((p) => p.passenger_id === 'P001') as Passenger),
  push_endpoints: [DEVICE],
};
const base = {
  planned_channels: ['EMAIL', 'PUSH'] as NotificationDetail['planned_channels'],
  event_id: 'e1',
  flight_id: 'SW1234',
  booking_id: 'B001',
  passenger_id: 'P001',
  message_type: 'DELAY_NOTIFICATION',
  priority: 'NORMAL',
  generated_by: 'TEMPLATE',
  segment: 's',
  created_at: '2025-01-15T12:00:00Z',
} as const;
const push: NotificationDetail = {
  ...base,
  notification_id: 'e1:B001:PUSH',
  channel: 'PUSH',
  recipient: DEVICE,
  subject: 'SW1234 is delayed',
  body: 'Maria, SW1234 is delayed.',
};
const email: NotificationDetail = {
  ...base,
  notification_id: 'e1:B001:EMAIL',
  channel: 'EMAIL',
  recipient: passenger.email,
  subject: 'SW1234 is delayed',
  body: 'Dear Maria, …',
};

describe('fallback with push planned', () => {
  it('sends the short message of a refused device by SMS', () => {
    expect(fallbackNotification(push, passenger, '2025-01-15T12:01:00Z')).toMatchObject({
      notification_id: 'e1:B001:PUSH>SMS',
      channel: 'SMS',
      recipient: passenger.phone,
      body: push.body,
      fallback_from: push.notification_id,
    });
  });

  it('does not send the short message again by SMS when only the e-mail bounced', () => {
    // The push already carries the short message: the passenger is told, once.
    expect(fallbackNotification(email, passenger, '2025-01-15T12:01:00Z')).toBeUndefined();
  });
});
