import type { NotificationPreferences } from '../records/passenger.ts';

/** Every channel a message can leave on, in the order a failed delivery falls back through. */
export const FALLBACK_ORDER = ['SMS', 'EMAIL', 'PUSH'] as const;
export type DeliveryChannel = (typeof FALLBACK_ORDER)[number];

const PREFERENCE: Record<DeliveryChannel, keyof NotificationPreferences> = {
  SMS: 'sms',
  EMAIL: 'email',
  PUSH: 'push',
};

/**
 * The channel to try after a hard failure: the next one in SMS → e-mail → push that the
 * passenger accepts (and, for push, has a device for) and that has not been tried for this
 * message. Undefined when nothing is left: the passenger is then reported unreached.
 */
export function nextChannel(
  preferences: NotificationPreferences,
  tried: readonly DeliveryChannel[],
  reachable: { push: boolean },
): DeliveryChannel | undefined {
  return FALLBACK_ORDER.find(
    (channel) =>
      !tried.includes(channel) &&
      preferences[PREFERENCE[channel]] &&
      (channel !== 'PUSH' || reachable.push),
  );
}
