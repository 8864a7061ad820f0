import { describe, expect, it } from 'vitest';
import { checkHeadsUp } from '../../../src/domain/messaging/check-message.ts';
import { headsUpMessage } from '../../../src/domain/messaging/heads-up.ts';
import { SPECIAL_REQUESTS } from '../../../src/domain/records/booking.ts';
import { LANGUAGES, TIERS } from '../../../src/domain/records/passenger.ts';
import { booking, flight, passenger, sample } from '../../support/fixtures.ts';

describe('the weather heads-up', () => {
  it('obeys every rule for every sample passenger, in their language', () => {
    const problems = sample.bookings.flatMap((b) => {
      const p = passenger(b.passenger_id);
      const f = flight(b.flight_id);
      const message = headsUpMessage(p, b, f, f.origin);
      return checkHeadsUp(message, p, b, f, f.origin).map((x) => `${b.booking_id}: ${x}`);
    });
    expect(problems).toEqual([]);
  });

  it.each(LANGUAGES)(
    'obeys every rule in %s for every tier and request, a long name included',
    (language) => {
      const f = flight('SW7890');
      for (const tier of TIERS) {
        for (const request of SPECIAL_REQUESTS) {
          const p = { ...passenger('P001'), first_name: 'Alexandrina', tier, language };
          const b = { ...booking('B016'), special_requests: [request] };
          const message = headsUpMessage(p, b, f, f.destination);
          expect(checkHeadsUp(message, p, b, f, f.destination), `${tier} ${request}`).toEqual([]);
          expect(message.sms_body).not.toContain('…');
        }
      }
    },
  );

  it('shows the departure in the airport’s local time, whatever offset the record carries', () => {
    const f = { ...flight('SW1234'), scheduled_departure: '2025-01-15T14:00:00Z' };
    const p = { ...passenger('P003'), language: 'en' as const };
    const message = headsUpMessage(p, booking('B002'), f, 'DAL');
    expect(message.sms_body).toContain('departs 8:00 AM CST');
    expect(message.email_body).toContain('wheelchair assistance');
    expect(message.sms_body).toContain('A-List priority boarding');
  });

  it('is refused when it apologises, urges or promises', () => {
    const f = flight('SW1234');
    const p = { ...passenger('P003'), language: 'en' as const };
    const b = booking('B002');
    const message = headsUpMessage(p, b, f, 'DAL');
    expect(
      checkHeadsUp(
        { ...message, sms_body: `URGENT ${message.sms_body} Sorry! Free rebooking.` },
        p,
        b,
        f,
        'DAL',
      ),
    ).toEqual(
      expect.arrayContaining([
        'promises what policy does not allow',
        'SMS apologises needlessly',
        'SMS is urgent needlessly',
      ]),
    );
  });
});
