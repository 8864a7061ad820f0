import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../src/domain/messaging/check-message.ts';
import {
  fillMessage,
  formatDuration,
  placeholderValues,
  SMS_MAX_LENGTH,
  UnfilledPlaceholderError,
} from '../../../src/domain/messaging/fill-message.ts';
import {
  type AssistanceClass,
  segmentKey,
  segmentOf,
} from '../../../src/domain/messaging/message-segment.ts';
import { templateFor } from '../../../src/domain/messaging/message-templates.ts';
import { languagePack } from '../../../src/domain/messaging/templates/language-packs.ts';
import { validateComposed } from '../../../src/domain/messaging/validate-composed.ts';
import type { Booking, SpecialRequest } from '../../../src/domain/records/booking.ts';
import {
  LANGUAGES,
  type Language,
  type Passenger,
  TIERS,
} from '../../../src/domain/records/passenger.ts';
import type { ProduceOptions } from '../../../src/simulator/build-event.ts';
import { booking, disruption, passenger, sample } from '../../support/fixtures.ts';
import { EVERY_SEVERITY, everySampleCase } from '../../support/message-cases.ts';

function fillFor(p: Passenger, b: Booking, options: ProduceOptions) {
  const d = disruption(options);
  const segment = segmentOf(p, b, d, 'EMAIL+SMS');
  return { message: fillMessage(templateFor(segment), placeholderValues(p, b, d)), d, segment };
}

function messageFor(bookingId: string, options: ProduceOptions, language?: Language) {
  const b = booking(bookingId);
  const p = { ...passenger(b.passenger_id), ...(language ? { language } : {}) };
  return { ...fillFor(p, b, options), p, b };
}

const MINOR = { eventType: 'FLIGHT_DELAY', flightId: 'SW1234', delayMinutes: 25 } as const;
const CANCEL = { eventType: 'FLIGHT_CANCELLED', flightId: 'SW9012', reason: 'CREW' } as const;
const TERMINAL = {
  eventType: 'GATE_CHANGE',
  flightId: 'SW3456',
  oldGate: 'A5',
  newGate: 'D15',
  terminalChange: true,
} as const;
const GATE = { ...TERMINAL, newGate: 'A7', terminalChange: false } as const;

/** A request of each assistance class, and two at once. */
const REQUESTS: Record<AssistanceClass | 'TWO', SpecialRequest[]> = {
  NONE: ['SPECIAL_MEAL'],
  MOBILITY: ['WHEELCHAIR_ASSISTANCE'],
  SENSORY: ['VISUAL_ASSISTANCE'],
  FAMILY: ['UNACCOMPANIED_MINOR'],
  SERVICE_ANIMAL: ['SERVICE_ANIMAL'],
  TWO: ['HEARING_ASSISTANCE', 'TRAVELLING_WITH_INFANT'],
};

describe('template messages', () => {
  it('cover every language in the sample data', () => {
    expect(new Set(sample.passengers.map((p) => p.language))).toEqual(new Set(LANGUAGES));
  });

  it('follow every rule for every sample passenger and every severity, in their language', () => {
    const problems = everySampleCase().flatMap(
      ({ name, passenger: p, booking: b, disruption: d }) => {
        const message = fillMessage(
          templateFor(segmentOf(p, b, d, 'EMAIL+SMS')),
          placeholderValues(p, b, d),
        );
        return checkMessage(message, p, b, d).map((problem) => `${name}: ${problem}`);
      },
    );
    expect(problems).toEqual([]);
  });

  it.each(LANGUAGES)(
    'follow every rule in %s for every tier, assistance class and severity, a long name included',
    (language) => {
      const problems: string[] = [];
      for (const event of EVERY_SEVERITY) {
        const d = disruption({ ...event, flightId: 'SW7890' });
        for (const tier of TIERS) {
          for (const [name, requests] of Object.entries(REQUESTS)) {
            const b = { ...booking('B016'), special_requests: requests };
            const p = { ...passenger('P004'), first_name: 'Alexandrina', tier, language };
            const segment = segmentOf(p, b, d, 'EMAIL+SMS');
            const message = fillMessage(templateFor(segment), placeholderValues(p, b, d));
            const found = [
              ...checkMessage(message, p, b, d),
              ...validateComposed(templateFor(segment), segment, d),
            ];
            for (const f of found) problems.push(`${segmentKey(segment)} ${name}: ${f}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('address the passenger by first name and give local times with their zone', () => {
    const { message } = messageFor('B002', MINOR, 'en');
    expect(message.email_body).toMatch(/^Hi Aisha,/);
    expect(message.email_body).toContain('depart at 8:25 AM CST and arrive at 9:40 AM PST');
    expect(message.sms_body).toMatch(/^Aisha, SW1234 .* 8:25 AM CST/);
    expect(message.email_body).not.toMatch(/sorry/i);
  });

  it('write to each passenger in their language, times on the 24-hour clock outside English', () => {
    expect(messageFor('B001', MINOR).message.email_body).toMatch(/^Hola, Maria:/);
    expect(messageFor('B001', MINOR).message.sms_body).toContain('08:25 CST');
    expect(messageFor('B015', TERMINAL).message.email_body).toContain('Prochaines étapes :');
    expect(messageFor('B006', MINOR, 'de').message.sms_body).toContain('Flug SW1234');
  });

  it('give A-List and A-List Preferred priority language in the SMS too', () => {
    expect(messageFor('B002', MINOR, 'en').message.sms_body).toContain('A-List priority boarding');
    const preferred = messageFor('B001', MINOR, 'en').message.sms_body;
    expect(preferred).toContain('A-List Preferred priority boarding');
    expect(messageFor('B003', MINOR, 'en').message.sms_body).not.toContain('A-List');
  });

  it('tell a wheelchair passenger on a terminal change, by SMS too, that the assistance meets them', () => {
    const { message } = messageFor('B013', TERMINAL, 'en');
    expect(message.sms_body).toMatch(/^URGENT Aisha:/);
    expect(message.sms_body).toContain('Wheelchair assistance meets you there');
    expect(message.email_body).toContain('wheelchair assistance to gate D15');
    expect(messageFor('B013', TERMINAL, 'es').message.sms_body).toContain('Silla de ruedas');
  });

  it('apologise for a cancellation and offer only what the system does', () => {
    const { message } = messageFor('B009', CANCEL, 'en');
    expect(message.email_subject).toMatch(/sorry/i);
    expect(message.email_body).toContain('marked for rebooking');
    expect(message.email_body).toContain('hearing assistance');
    expect(`${message.email_body} ${message.sms_body}`).not.toMatch(/options|app\b/i);
  });

  it('are urgent on a terminal change and informative on a plain gate change', () => {
    expect(messageFor('B013', TERMINAL).message.sms_body).toMatch(/^URGENT/);
    expect(messageFor('B013', GATE).message.sms_body).not.toMatch(/URGENT/);
    expect(messageFor('B013', TERMINAL, 'de').message.sms_body).toMatch(/^DRINGEND/);
  });

  it('keep SMS within 160 characters in every language even for a very long first name', () => {
    const b = booking('B005');
    for (const language of LANGUAGES) {
      const p = { ...passenger(b.passenger_id), first_name: 'Bartholomew-Maximilian', language };
      for (const event of EVERY_SEVERITY) {
        const { message, d } = fillFor(p, b, { ...event, flightId: 'SW5678' });
        expect(message.sms_body.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
        expect(checkMessage(message, p, b, d)).toEqual([]);
      }
    }
  });

  it('refuse to leave a placeholder unfilled', () => {
    const { p, b, d } = messageFor('B001', MINOR);
    expect(() =>
      fillMessage(
        { email_subject: '{{new_gate}}', email_body: '', sms_body: '' },
        placeholderValues(p, b, d),
      ),
    ).toThrow(UnfilledPlaceholderError);
  });

  it('are composed once per segment: same tier, assistance and language share a segment', () => {
    const a = messageFor('B003', MINOR, 'de').segment;
    const c = messageFor('B004', MINOR, 'de').segment;
    expect(segmentKey(a)).toBe('DELAY_NOTIFICATION|MINOR|MEMBER|NONE|EMAIL+SMS|de');
    expect(segmentKey(c)).toBe(segmentKey(a));
    expect(segmentKey(messageFor('B003', MINOR, 'fr').segment)).not.toBe(segmentKey(a));
  });
});

describe('checkMessage', () => {
  it('reports broken rules', () => {
    const { p, b, d } = messageFor('B001', CANCEL, 'en');
    const problems = checkMessage(
      {
        email_subject: 'Cancelled',
        email_body:
          'Your flight is cancelled at 10:00. You will get a refund. We will send you rebooking options shortly.',
        sms_body: 'x'.repeat(161),
      },
      p,
      b,
      d,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'SMS longer than 160 characters',
        'SMS misses first name',
        'SMS misses A-List Preferred priority language',
        'email misses first name',
        'email misses A-List Preferred priority language',
        'email misses next steps',
        'email offers a next step the system does not offer',
        "email shows 10:00 not as the airport's local time with its zone",
        'promises what policy does not allow',
        'email is not apologetic',
        'SMS is not in English',
      ]),
    );
  });

  it('refuses a message in another language than the passenger reads', () => {
    const english = messageFor('B001', MINOR, 'en');
    const spanishReader = { ...english.p, language: 'es' as const };
    expect(checkMessage(english.message, spanishReader, english.b, english.d)).toEqual(
      expect.arrayContaining(['email is not in Spanish', 'SMS is not in Spanish']),
    );
  });

  it('refuses a terminal-change SMS that leaves out the passenger’s assistance', () => {
    const { message, p, b, d } = messageFor('B013', TERMINAL, 'en');
    const sms = message.sms_body.replace(' Wheelchair assistance meets you there.', '');
    expect(checkMessage({ ...message, sms_body: sms }, p, b, d)).toEqual([
      'SMS misses Wheelchair assistance',
    ]);
  });
});

describe('formatDuration', () => {
  it.each([
    [25, 'en', '25 minutes'],
    [60, 'en', '1 hour'],
    [90, 'en', '1 hour 30 minutes'],
    [181, 'en', '3 hours 1 minute'],
    [150, 'es', '2 horas 30 minutos'],
    [60, 'fr', '1 heure'],
    [61, 'de', '1 Stunde 1 Minute'],
  ] as const)('formats %i in %s as "%s"', (minutes, language, text) => {
    expect(formatDuration(minutes, languagePack(language))).toBe(text);
  });
});
