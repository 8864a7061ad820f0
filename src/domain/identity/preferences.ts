import { z } from 'zod';
import type { Passenger } from '../records/passenger.ts';
import type { Principal } from './roles.ts';

/**
 * A passenger's channel choices and consents. Channels say where a disruption notice may go (a
 * service message: the passenger chooses the channel, not whether to be told); `personalisation`
 * is the consent to have a model write their messages — without it, templates only.
 */
export const PREFERENCE_NAMES = ['email', 'sms', 'push', 'personalisation'] as const;
export type PreferenceName = (typeof PREFERENCE_NAMES)[number];

export const PreferencesSchema = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  push: z.boolean(),
  personalisation: z.boolean().describe('consent to messages written by a model'),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

/** A change the passenger (or staff on their behalf) asks for: the preferences to set, at least one. */
export const PreferenceRequestSchema = z
  .strictObject({
    email: z.boolean().optional(),
    sms: z.boolean().optional(),
    push: z.boolean().optional(),
    personalisation: z.boolean().optional(),
  })
  .refine(
    (r) => Object.keys(r).length > 0,
    'name at least one of email, sms, push, personalisation',
  );
export type PreferenceRequest = z.infer<typeof PreferenceRequestSchema>;

/** Who made a change: the passenger themself through the API, staff on their behalf, or an import. */
export const ChangeSourceSchema = z.enum(['passenger', 'agent', 'admin', 'import']);
export type ChangeSource = z.infer<typeof ChangeSourceSchema>;

/** One recorded change: what changed (from → to), when, by whom, through what. */
export const PreferenceChangeSchema = z.object({
  version: z.number().int().min(1),
  changed_at: z.string(),
  changed_by: z.string(),
  source: ChangeSourceSchema,
  changes: z.array(
    z.object({ preference: z.enum(PREFERENCE_NAMES), from: z.boolean(), to: z.boolean() }),
  ),
});
export type PreferenceChange = z.infer<typeof PreferenceChangeSchema>;

/** The passenger's current preferences; a consent never given is no consent. */
export function preferencesOf(passenger: Passenger): Preferences {
  return {
    ...passenger.notification_preferences,
    personalisation: passenger.consents?.personalisation === true,
  };
}

/** Whether a model may write this passenger's messages (else: templates only). */
export function mayPersonalise(passenger: Passenger): boolean {
  return passenger.consents?.personalisation === true;
}

/** The source a principal acts as: the passenger when it is theirs, else their highest staff role. */
export function changeSourceOf(principal: Principal): ChangeSource {
  if (principal.roles.includes('admin')) return 'admin';
  if (principal.roles.includes('agent')) return 'agent';
  return 'passenger';
}

/**
 * Applies a request to the current preferences: the new preferences and the change record, or
 * undefined when nothing differs (setting a preference to its value records nothing).
 *
 * @example changePreferences(current, { sms: false }, { version: 3, at, by: 'passenger:P001', source: 'passenger' })
 */
export function changePreferences(
  current: Preferences,
  request: PreferenceRequest,
  change: { version: number; at: string; by: string; source: ChangeSource },
): { next: Preferences; record: PreferenceChange } | undefined {
  const changes = PREFERENCE_NAMES.flatMap((preference) => {
    const to = request[preference];
    return to === undefined || to === current[preference]
      ? []
      : [{ preference, from: current[preference], to }];
  });
  if (changes.length === 0) return undefined;
  const next = { ...current };
  for (const { preference, to } of changes) next[preference] = to;
  return {
    next,
    record: {
      version: change.version,
      changed_at: change.at,
      changed_by: change.by,
      source: change.source,
      changes,
    },
  };
}
