import { z } from 'zod';

export const TIERS = ['MEMBER', 'A-LIST', 'A-LIST_PREFERRED'] as const;
export const TierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof TierSchema>;

/** Languages a passenger can be told in (ISO 639-1); messages are written in the passenger's. */
export const LANGUAGES = ['en', 'es', 'fr', 'de'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const PassengerIdSchema = z.string().regex(/^P\d{3,9}$/, 'passenger id like P001');

export const NotificationPreferencesSchema = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  /** Kept as the passenger set it, but not delivered yet: see NOT_YET_DELIVERED in plan-deliveries.ts. */
  push: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const PassengerSchema = z.object({
  passenger_id: PassengerIdSchema,
  first_name: z.string().min(1),
  last_name: z.string().min(1),
  email: z.email(),
  phone: z.string().regex(/^\+\d{8,15}$/, 'E.164 phone number'),
  rapid_rewards_number: z.string().min(1),
  tier: TierSchema,
  /** The language the passenger reads; English when the record predates the preference. */
  language: LanguageSchema.default('en'),
  notification_preferences: NotificationPreferencesSchema,
  /**
   * Consents beyond the service message. Absent or false: no consent (templates only); changed
   * through the preferences API, which records each change (domain/identity/preferences.ts).
   */
  consents: z.object({ personalisation: z.boolean() }).optional(),
  /** SNS platform endpoints (APNs or FCM device tokens) the passenger's app registered. */
  push_endpoints: z.array(z.string().min(1)).max(10).optional(),
});
export type Passenger = z.infer<typeof PassengerSchema>;

/** What the API may show of a passenger: contact details stay private. */
export function publicPassenger(
  passenger: Passenger,
): Omit<Passenger, 'email' | 'phone' | 'push_endpoints'> {
  const { email: _email, phone: _phone, push_endpoints: _devices, ...rest } = passenger;
  return rest;
}
