import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../src/domain/messaging/check-message.ts';
import { fillMessage, placeholderValues } from '../../../src/domain/messaging/fill-message.ts';
import { segmentOf } from '../../../src/domain/messaging/message-segment.ts';
import { templateFor } from '../../../src/domain/messaging/message-templates.ts';
import { SPECIAL_REQUESTS } from '../../../src/domain/records/booking.ts';
import { LANGUAGES, TIERS } from '../../../src/domain/records/passenger.ts';
import type { ProduceOptions } from '../../../src/simulator/build-event.ts';
import { booking, disruption, passenger, sample } from '../../support/fixtures.ts';

const event: fc.Arbitrary<ProduceOptions> = fc.oneof(
  fc.record({
    eventType: fc.constant('FLIGHT_DELAY' as const),
    flightId: fc.constantFrom(...sample.flights.map((f) => f.flight_id)),
    delayMinutes: fc.integer({ min: 1, max: 7 * 24 * 60 }),
    reason: fc.constantFrom('WEATHER', 'MECHANICAL', 'CREW', 'ATC', 'SECURITY', 'OTHER'),
  }),
  fc.record({
    eventType: fc.constant('FLIGHT_CANCELLED' as const),
    flightId: fc.constantFrom(...sample.flights.map((f) => f.flight_id)),
    reason: fc.constantFrom('WEATHER', 'MECHANICAL', 'CREW', 'OTHER'),
  }),
  fc.record({
    eventType: fc.constant('GATE_CHANGE' as const),
    flightId: fc.constantFrom(...sample.flights.map((f) => f.flight_id)),
    oldGate: fc.constantFrom('A5', 'B12', '9', 'A4A', 'TB-C12'),
    newGate: fc.constantFrom('D15', 'E2', 'A14', 'INTL-7', 'T2-B40'),
    terminalChange: fc.boolean(),
  }),
);

describe('template messages, for any passenger and disruption', () => {
  it('obey every rule in the passenger’s language', () => {
    fc.assert(
      fc.property(
        event,
        fc.constantFrom(...LANGUAGES),
        fc.constantFrom(...TIERS),
        fc.subarray([...SPECIAL_REQUESTS], { maxLength: 3 }),
        fc.stringMatching(/^[A-Z][a-zà-ÿ]{1,14}([ -][A-Z][a-zà-ÿ]{1,14})?$/),
        (options, language, tier, requests, firstName) => {
          const p = { ...passenger('P001'), first_name: firstName, language, tier };
          const b = { ...booking('B001'), flight_id: options.flightId, special_requests: requests };
          const d = disruption(options);
          const message = fillMessage(
            templateFor(segmentOf(p, b, d, 'EMAIL+SMS')),
            placeholderValues(p, b, d),
          );
          expect(checkMessage(message, p, b, d)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('read a first name shortened to fit the SMS as a name, not as words', () => {
    // Found by the property above: "Aàappa Aà" shortened to "Aàapp…" left "app" for the checker.
    const p = {
      ...passenger('P001'),
      first_name: 'Aàappa Aà',
      language: 'es' as const,
      tier: 'A-LIST_PREFERRED' as const,
    };
    const b = { ...booking('B001'), special_requests: [] };
    const d = disruption({ eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 1562 });
    const message = fillMessage(
      templateFor(segmentOf(p, b, d, 'EMAIL+SMS')),
      placeholderValues(p, b, d),
    );
    expect(message.sms_body).toContain('Aàapp…');
    expect(checkMessage(message, p, b, d)).toEqual([]);
  });

  it('give the date with a new time that a long delay moved to another day', () => {
    const p = { ...passenger('P003'), language: 'en' as const };
    const d = disruption({ eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 1500 });
    const values = placeholderValues(p, booking('B002'), d);
    expect(values.new_departure_time).toBe('9:00 AM CST, Jan 16');
  });
});
