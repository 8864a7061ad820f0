import type { EffectiveDates } from './rule-sets.ts';

/** How rights are judged and told in a deployment. */
export interface RightsSettings {
  /** Configured effective dates by rule-set id (the EU261 revision until it is published). */
  effectiveDates: EffectiveDates;
  /** The claim form; a booking's link adds `?booking=<id>`. */
  claimFormUrl: string;
}

export const DEFAULT_CLAIM_FORM_URL = 'https://claims.flightpulse.example/claim';

export function claimLink(
  settings: Pick<RightsSettings, 'claimFormUrl'>,
  bookingId: string,
): string {
  return `${settings.claimFormUrl}?booking=${encodeURIComponent(bookingId)}`;
}
