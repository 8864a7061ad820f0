import { describe, expect, it } from 'vitest';
import { messageTypeOf, severityOf } from '../../../src/domain/disruptions/disruption.ts';
import { checkMessage } from '../../../src/domain/messaging/check-message.ts';
import {
  fillMessage,
  formatDuration,
  placeholderValues,
  SMS_MAX_LENGTH,
  UnfilledPlaceholderError,
} from '../../../src/domain/messaging/fill-message.ts';
import { assistanceClassOf, segmentKey } from '../../../src/domain/messaging/message-segment.ts';
import { templateFor } from '../../../src/domain/messaging/message-templates.ts';
import type { ProduceOptions } from '../../../src/simulator/build-event.ts';
import { booking, disruption, passenger, sample } from '../../support/fixtures.ts';

function messageFor(bookingId: string, options: ProduceOptions) {
  const b = booking(bookingId);
  const p = passenger(b.passenger_id);
  const d = disruption(options);
  const segment = {
    messageType: messageTypeOf(d),
    severity: severityOf(d),
    tier: p.tier,
    assistance: assistanceClassOf(b.special_requests),
    channels: 'EMAIL+SMS' as const,
  };
  return {
    message: fillMessage(templateFor(segment), placeholderValues(p, b, d)),
    p,
    b,
    d,
    segment,
  };
}

const EVENTS: ProduceOptions[] = [
  { eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 25, reason: 'WEATHER' },
  { eventType: 'FLIGHT_DELAY', flightId: 'SW5678', delayMinutes: 90, reason: 'MECHANICAL' },
  { eventType: 'FLIGHT_DELAY', flightId: 'SW7890', delayMinutes: 150, reason: 'ATC' },
  { eventType: 'FLIGHT_CANCELLED', flightId: 'SW9012', reason: 'CREW' },
  {
    eventType: 'GATE_CHANGE',
    flightId: 'SW3456',
    oldGate: 'A5',
    newGate: 'D15',
    terminalChange: true,
  },
  {
    eventType: 'GATE_CHANGE',
    flightId: 'SW3456',
    oldGate: 'A5',
    newGate: 'A7',
    terminalChange: false,
  },
];

describe('template messages', () => {
  it.each(EVENTS)(
    'follow every personalisation rule for every sample booking ($eventType $flightId)',
    (options) => {
      for (const b of sample.bookings) {
        const { message, p, d } = messageFor(b.booking_id, { ...options });
        expect(checkMessage(message, p, b, d), `${b.booking_id}`).toEqual([]);
      }
    },
  );

  it('address the passenger by first name and give the new time for a minor delay', () => {
    const { message } = messageFor('B001', EVENTS[0] as ProduceOptions);
    expect(message.email_body).toMatch(/^Hi Maria,/);
    expect(message.email_body).toContain('08:25');
    expect(message.sms_body).toContain('Maria');
    expect(message.email_body).not.toMatch(/sorry/i);
  });

  it('use A-List priority language and mention wheelchair assistance', () => {
    const { message } = messageFor('B002', EVENTS[0] as ProduceOptions);
    expect(message.email_body).toContain('As an A-List Member');
    expect(message.email_body).toContain('wheelchair assistance');
  });

  it('apologise for a cancellation and say the booking will be rebooked', () => {
    const { message } = messageFor('B009', EVENTS[3] as ProduceOptions);
    expect(message.email_subject).toMatch(/sorry/i);
    expect(message.email_body).toContain('marked for rebooking');
    expect(message.email_body).toContain('hearing assistance');
  });

  it('are urgent on a terminal change and informative on a plain gate change', () => {
    expect(messageFor('B013', EVENTS[4] as ProduceOptions).message.sms_body).toMatch(/^URGENT/);
    expect(messageFor('B013', EVENTS[5] as ProduceOptions).message.sms_body).not.toMatch(/URGENT/);
  });

  it('keep SMS within 160 characters even for a very long first name', () => {
    const b = booking('B005');
    const p = { ...passenger(b.passenger_id), first_name: 'Bartholomew-Maximilian-Alexander' };
    for (const options of EVENTS) {
      const d = disruption(options);
      const segment = {
        messageType: messageTypeOf(d),
        severity: severityOf(d),
        tier: p.tier,
        assistance: 'NONE' as const,
        channels: 'EMAIL+SMS' as const,
      };
      const message = fillMessage(templateFor(segment), placeholderValues(p, b, d));
      expect(message.sms_body.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    }
  });

  it('refuse to leave a placeholder unfilled', () => {
    const { p, b, d } = messageFor('B001', EVENTS[0] as ProduceOptions);
    expect(() =>
      fillMessage(
        { email_subject: '{{new_gate}}', email_body: '', sms_body: '' },
        placeholderValues(p, b, d),
      ),
    ).toThrow(UnfilledPlaceholderError);
  });

  it('are composed once per segment: same tier and assistance share a segment', () => {
    const a = messageFor('B003', EVENTS[0] as ProduceOptions).segment;
    const c = messageFor('B004', EVENTS[0] as ProduceOptions).segment;
    expect(segmentKey(a)).toBe('DELAY_NOTIFICATION|MINOR|MEMBER|NONE|EMAIL+SMS');
    expect(segmentKey(c)).toBe(segmentKey(a));
  });
});

describe('checkMessage', () => {
  it('reports broken rules', () => {
    const { p, b, d } = messageFor('B001', EVENTS[3] as ProduceOptions);
    const problems = checkMessage(
      {
        email_subject: 'Cancelled',
        email_body: 'Your flight is cancelled. You will get a refund.',
        sms_body: 'x'.repeat(161),
      },
      p,
      b,
      d,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'SMS longer than 160 characters',
        'email misses first name',
        'email misses A-List Preferred Member priority language',
        'email misses next steps',
        'promises what policy does not allow',
        'cancellation is not apologetic',
      ]),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [25, '25 minutes'],
    [60, '1 hour'],
    [90, '1 hour 30 minutes'],
    [150, '2 hours 30 minutes'],
    [181, '3 hours 1 minute'],
  ])('formats %i as "%s"', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});
