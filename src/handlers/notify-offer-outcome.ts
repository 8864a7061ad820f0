import { z } from 'zod';
import type { NotificationDetail } from '../domain/event-routing/bus-events.ts';
import type { Offer } from '../domain/rebooking/offer.ts';
import { outcomeMessage, outcomeOf } from '../domain/rebooking/offer-messages.ts';
import type { Booking } from '../domain/records/booking.ts';
import type { Language } from '../domain/records/passenger.ts';
import { claimLink, type RightsSettings } from '../domain/rights/rights-settings.ts';
import { rightsStatement } from '../domain/rights/rights-statement.ts';
import type { PassengerLinks } from '../ports/passenger-links.ts';
import type { OfferStore } from '../ports/rebooking-ports.ts';
import type {
  BookingStore,
  Clock,
  EntitlementStore,
  FlightStore,
  MetricsRecorder,
} from '../ports.ts';
import type { TellPassengers } from './tell-passengers.ts';

const InputSchema = z.union([
  z.object({ offer_id: z.string() }).transform((i) => [i.offer_id]),
  z.object({ offer_ids: z.array(z.string()).max(100) }).transform((i) => i.offer_ids),
]);

/**
 * Workflow task "tell the passenger": for each offer, a message in each passenger's language on
 * the channels they accept — the offer itself (a waiver), the new flights (accepted or booked at
 * expiry), the refund, the agent, or that they keep their flight. Keyed by offer and status, so
 * a retry records each message once. The e-mail restates the rights as judged again with the
 * outcome (a reroute within the thresholds owes less), so the last word the passenger has on
 * their rights is the engine's current one.
 */
export function createNotifyOfferOutcome(deps: {
  offers: OfferStore;
  bookings: BookingStore;
  flights: FlightStore;
  links: PassengerLinks;
  entitlements: Pick<EntitlementStore, 'listOfBooking'>;
  rights: RightsSettings;
  /** Sends through the channels' providers and announces what went out. */
  tell: TellPassengers;
  clock: Clock;
  metrics?: MetricsRecorder;
}) {
  return async (input: unknown): Promise<{ email: number; sms: number }> => {
    const offerIds = InputSchema.parse(input);
    const entries: NotificationDetail[] = [];
    for (const offerId of offerIds) {
      const offer = await deps.offers.get(offerId);
      const kind = offer && outcomeOf(offer);
      if (!offer || !kind) continue;
      const origin = (await deps.flights.getFlight(offer.flight_id))?.origin ?? 'UTC';
      const bookings = await deps.bookings.getBookings(offer.booking_ids);
      const passengers = new Map(
        (await deps.bookings.getPassengers(bookings.map((b) => b.passenger_id))).map((p) => [
          p.passenger_id,
          p,
        ]),
      );
      for (const booking of bookings) {
        const passenger = passengers.get(booking.passenger_id);
        if (!passenger) continue;
        const message = outcomeMessage(kind, offer, {
          language: passenger.language,
          first_name: passenger.first_name,
          confirmation_number: booking.confirmation_number,
          link: await deps.links.offerLink(booking, offer.expires_at),
          origin,
        });
        const rights = await rightsNow(deps, offer, booking, passenger.language);
        const base = {
          event_id: `${offer.offer_id}:${offer.status}`,
          flight_id: offer.flight_id,
          booking_id: booking.booking_id,
          passenger_id: passenger.passenger_id,
          message_type: 'REBOOKING_NOTIFICATION' as const,
          priority: 'NORMAL' as const,
          generated_by: 'TEMPLATE' as const,
          segment: `REBOOKING|${kind}|${passenger.language}`,
          created_at: deps.clock.now(),
        };
        const id = (channel: string) =>
          `${offer.offer_id}:${offer.status}:${booking.booking_id}:${channel}`;
        if (passenger.notification_preferences.email)
          entries.push({
            ...base,
            notification_id: id('EMAIL'),
            channel: 'EMAIL',
            recipient: passenger.email,
            subject: message.subject,
            body: rights ? `${message.email}\n\n${rights}` : message.email,
          });
        if (passenger.notification_preferences.sms)
          entries.push({
            ...base,
            notification_id: id('SMS'),
            channel: 'SMS',
            recipient: passenger.phone,
            body: message.sms,
          });
      }
    }
    const sent = await deps.tell(entries);
    const email = sent.filter((n) => n.channel === 'EMAIL').length;
    return { email, sms: sent.length - email };
  };
}

/** The booking's rights for the offer's disruption as judged now, in the passenger's language. */
async function rightsNow(
  deps: { entitlements: Pick<EntitlementStore, 'listOfBooking'>; rights: RightsSettings },
  offer: Offer,
  booking: Booking,
  language: Language,
): Promise<string> {
  const judged = (await deps.entitlements.listOfBooking(booking.booking_id)).find(
    (e) => e.flight_id === offer.flight_id,
  );
  if (!judged) return '';
  return rightsStatement(judged.regimes, language, claimLink(deps.rights, booking.booking_id))
    .email;
}
