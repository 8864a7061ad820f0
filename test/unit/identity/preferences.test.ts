import { describe, expect, it } from 'vitest';
import {
  changePreferences,
  changeSourceOf,
  mayPersonalise,
  PreferenceRequestSchema,
  preferencesOf,
} from '../../../src/domain/identity/preferences.ts';
import { passenger } from '../../support/fixtures.ts';

const current = { email: true, sms: true, push: false, personalisation: true };
const at = '2026-03-01T10:00:00.000Z';

describe('passenger preferences', () => {
  it('records only what differs, from → to, with who and when', () => {
    const changed = changePreferences(
      current,
      { sms: false, email: true },
      { version: 4, at, by: 'passenger:P003', source: 'passenger' },
    );
    expect(changed?.next).toEqual({ ...current, sms: false });
    expect(changed?.record).toEqual({
      version: 4,
      changed_at: at,
      changed_by: 'passenger:P003',
      source: 'passenger',
      changes: [{ preference: 'sms', from: true, to: false }],
    });
    expect(
      changePreferences(current, { email: true }, { version: 4, at, by: 'x', source: 'agent' }),
    ).toBeUndefined();
  });

  it('treats a consent never given as no consent', () => {
    const { consents: _none, ...record } = passenger('P001');
    expect(mayPersonalise(record)).toBe(false);
    expect(preferencesOf(record).personalisation).toBe(false);
    expect(mayPersonalise({ ...record, consents: { personalisation: true } })).toBe(true);
  });

  it('accepts a request naming at least one known preference, as booleans', () => {
    expect(PreferenceRequestSchema.safeParse({ personalisation: false }).success).toBe(true);
    expect(PreferenceRequestSchema.safeParse({}).success).toBe(false);
    expect(PreferenceRequestSchema.safeParse({ sms: 'off' }).success).toBe(false);
    expect(PreferenceRequestSchema.safeParse({ sms: false, fax: true }).success).toBe(false);
  });

  it('names the source by the acting role: staff on a passenger’s behalf, or the passenger', () => {
    expect(changeSourceOf({ subject: 'a', roles: ['agent'] })).toBe('agent');
    expect(changeSourceOf({ subject: 'a', roles: ['admin', 'agent'] })).toBe('admin');
    expect(
      changeSourceOf({ subject: 'p', roles: ['passenger'], bookingId: 'B1', passengerId: 'P1' }),
    ).toBe('passenger');
  });
});
