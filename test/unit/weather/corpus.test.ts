import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeMetar } from '../../../src/domain/weather/decode-metar.ts';
import { decodeTaf, forecastAt } from '../../../src/domain/weather/decode-taf.ts';
import { flightCategory } from '../../../src/domain/weather/flight-category.ts';
import { MalformedReportError } from '../../../src/domain/weather/malformed-report-error.ts';

/** Lines of a corpus file split on " | ", comments and blank lines left out. */
function corpus(file: string): string[][] {
  return readFileSync(join(import.meta.dirname, 'corpus', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split(' | '));
}

const number = (text: string) => (text === '-' ? null : Number(text));
const REFERENCE = '2026-11-15T00:00:00Z';

const metars = corpus('metar.txt');
const tafs = corpus('taf.txt');
const malformed = corpus('malformed.txt');

describe('the report corpus', () => {
  it('holds at least 150 reports', () => {
    expect(metars.length + tafs.length + malformed.length).toBeGreaterThanOrEqual(150);
  });

  it.each(metars)(
    'METAR %s, ceiling %s ft, visibility %s m: %s',
    (category, ceiling, visibility, raw) => {
      const { conditions } = decodeMetar(raw as string);
      expect(conditions.ceiling_ft).toBe(number(ceiling as string));
      expect(conditions.visibility_m ?? null).toBe(number(visibility as string));
      const decided =
        conditions.visibility_m === undefined
          ? 'UNKNOWN'
          : flightCategory(conditions.ceiling_ft, conditions.visibility_m);
      expect(decided).toBe(category);
    },
  );

  it.each(tafs)(
    'TAF %s, ceiling %s ft, visibility %s m: %s',
    (category, ceiling, visibility, raw) => {
      const taf = decodeTaf(raw as string, REFERENCE);
      const [initial] = forecastAt(taf, taf.valid_from) ?? [];
      expect(initial?.label).toBe('TAF');
      const c = initial?.conditions;
      expect(c?.ceiling_ft).toBe(number(ceiling as string));
      expect(c?.visibility_m).toBe(number(visibility as string));
      expect(flightCategory(c?.ceiling_ft ?? null, c?.visibility_m ?? 0)).toBe(category);
    },
  );

  it.each(malformed)('%s rejected with "%s": %s', (kind, fragment, raw) => {
    const decode = () =>
      kind === 'TAF' ? decodeTaf(raw ?? '', REFERENCE) : decodeMetar(raw ?? '');
    expect(decode).toThrow(MalformedReportError);
    expect(decode).toThrow(fragment);
  });
});
