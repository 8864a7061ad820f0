import type { PreferenceChange, Preferences } from '../domain/identity/preferences.ts';

/** A passenger's current preferences and the version the next change must build on. */
export interface StoredPreferences {
  preferences: Preferences;
  version: number;
}

/**
 * A passenger's channel choices and consents with their history. The current values live on the
 * passenger record (what every workflow reads when it plans a message); each change is also
 * kept as a history record.
 */
export interface PreferenceStore {
  /** Undefined when there is no such passenger. */
  get(passengerId: string): Promise<StoredPreferences | undefined>;
  /**
   * Applies a change made on top of `record.version - 1`: 'CONFLICT' when another change came
   * first (read again and retry), 'NOT_FOUND' when the passenger is gone.
   */
  apply(
    passengerId: string,
    next: Preferences,
    record: PreferenceChange,
  ): Promise<'APPLIED' | 'CONFLICT' | 'NOT_FOUND'>;
  /** Every recorded change, oldest first. */
  history(passengerId: string): Promise<PreferenceChange[]>;
}
