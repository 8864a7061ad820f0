import { describe, expect, it } from 'vitest';
import { isWrittenIn, languageScores } from '../../../src/domain/messaging/detect-language.ts';
import { localDate, localTime } from '../../../src/domain/messaging/local-clock.ts';
import { languagePack } from '../../../src/domain/messaging/templates/language-packs.ts';
import { LANGUAGES } from '../../../src/domain/records/passenger.ts';

const en = languagePack('en');
const de = languagePack('de');

describe('localTime', () => {
  it('shows a UTC time in the departure airport’s local time with its zone', () => {
    expect(localTime('2025-01-15T14:25:00Z', 'DAL', en)).toBe('8:25 AM CST');
    expect(localTime('2025-01-15T14:25:00Z', 'DAL', de)).toBe('08:25 CST');
  });

  it('does not trust an offset that is not the airport’s', () => {
    // Sent with Dallas' offset for a Denver departure: Denver's clock shows an hour less.
    expect(localTime('2025-01-15T08:25:00-06:00', 'DEN', en)).toBe('7:25 AM MST');
  });

  it('follows daylight saving time and names European zones', () => {
    expect(localTime('2025-07-15T14:25:00Z', 'DAL', en)).toBe('9:25 AM CDT');
    expect(localTime('2025-07-15T14:25:00Z', 'FRA', de)).toBe('16:25 CEST');
    expect(localTime('2025-01-15T14:25:00Z', 'LHR', en)).toBe('2:25 PM GMT');
    expect(localTime('2025-01-15T14:25:00Z', 'NRT', en)).toBe('11:25 PM UTC+9');
  });

  it('keeps the offset it was sent with for an airport the reference does not know', () => {
    expect(localTime('2025-01-15T08:25:00-06:00', 'ZZZ', en)).toBe('8:25 AM UTC-6');
    expect(localTime('2025-01-15T08:25:00+05:30', 'ZZZ', de)).toBe('08:25 UTC+5:30');
  });

  it('writes the local date the language’s way', () => {
    // 03:00 UTC on the 16th is still the 15th in Los Angeles.
    expect(localDate('2025-01-16T03:00:00Z', 'LAX', en)).toBe('January 15, 2025');
    expect(localDate('2025-01-16T03:00:00Z', 'LAX', de)).toBe('15. Januar 2025');
  });
});

describe('isWrittenIn', () => {
  it('tells the four languages apart, skipping codes and markers in capitals', () => {
    expect(isWrittenIn('URGENT Ana: SW1 now departs gate D15. Go now.', 'en')).toBe(true);
    expect(isWrittenIn('Ana: el vuelo SW1 sale ahora de la puerta D15.', 'es')).toBe(true);
    expect(isWrittenIn('Ana : le vol SW1 part maintenant de la porte D15.', 'fr')).toBe(true);
    expect(isWrittenIn('Ana: Flug SW1 fliegt jetzt ab Gate D15 nach DEN.', 'de')).toBe(true);
    expect(isWrittenIn('Ana: Flug SW1 fliegt jetzt ab Gate D15.', 'en')).toBe(false);
  });

  it('has common words that belong to one language only', () => {
    const seen = new Map<string, string>();
    for (const language of LANGUAGES) {
      for (const word of languagePack(language).rules.commonWords) {
        expect(seen.get(word), `${word} in ${language}`).toBeUndefined();
        seen.set(word, language);
      }
    }
    expect(languageScores('DEN LAX URGENT')).toEqual({ en: 0, es: 0, fr: 0, de: 0 });
  });
});
