import { z } from 'zod';
import type { Disruption } from '../domain/disruptions/disruption.ts';
import type { Channel } from '../domain/event-routing/bus-events.ts';
import { mayPersonalise } from '../domain/identity/preferences.ts';
import {
  type FilledMessage,
  fillMessage,
  placeholderValues,
} from '../domain/messaging/fill-message.ts';
import { channelSetOf, segmentKey, segmentOf } from '../domain/messaging/message-segment.ts';
import { type MessageTemplate, templateFor } from '../domain/messaging/message-templates.ts';
import type { Delivery, PassengerMessage } from '../domain/notifications/passenger-message.ts';
import { planDeliveries } from '../domain/notifications/plan-deliveries.ts';
import type { Offer } from '../domain/rebooking/offer.ts';
import { offerSentences, withOfferSms } from '../domain/rebooking/offer-messages.ts';
import type { Booking } from '../domain/records/booking.ts';
import type { Language, Passenger } from '../domain/records/passenger.ts';
import { checkRights } from '../domain/rights/check-rights.ts';
import { RegimeJudgementSchema } from '../domain/rights/entitlement.ts';
import { claimLink, type RightsSettings } from '../domain/rights/rights-settings.ts';
import {
  type RightsStatement,
  rightsStatement,
  STATEMENT_LANGUAGES,
  type StatementLanguage,
  statementForChannels,
} from '../domain/rights/rights-statement.ts';
import type { PassengerLinks } from '../ports/passenger-links.ts';
import type { OfferStore } from '../ports/rebooking-ports.ts';
import type { Log } from '../ports.ts';

/** A segment's message as composed once for every passenger of the segment: placeholders only. */
export interface ComposedSegment {
  template: MessageTemplate;
  generatedBy: 'TEMPLATE' | 'LLM';
}

/**
 * Composed segments as workflow state carries them between the compose and send steps: keyed
 * by segment, with placeholders for every fact — no passenger's name, contact or booking.
 */
export const ComposedSegmentsSchema = z.array(
  z.object({
    segment: z.string(),
    generated_by: z.enum(['TEMPLATE', 'LLM']),
    template: z.object({ email_subject: z.string(), email_body: z.string(), sms_body: z.string() }),
  }),
);
export type ComposedSegments = z.infer<typeof ComposedSegmentsSchema>;

/** What each booking is owed, from the compute-entitlements task (absent: nothing owed). */
export const GrantedRightsSchema = z
  .array(
    z.object({
      booking_id: z.string(),
      regimes: z.array(
        RegimeJudgementSchema.pick({
          regime: true,
          applies: true,
          compensation: true,
          refund: true,
          care: true,
        }),
      ),
    }),
  )
  .default([]);
export type GrantedRights = z.infer<typeof GrantedRightsSchema>;

export interface Recipient {
  booking: Booking;
  passenger: Passenger;
}

/** The offers of a message's passengers and the links that open them. */
export interface OfferLinks {
  offers: OfferStore;
  links: PassengerLinks;
}

export interface FillDeps {
  rights: RightsSettings;
  log: Log;
  /** Where a passenger with a rebooking offer finds it: the message carries the link. */
  offerLinks?: OfferLinks;
}

/** The passenger's language for the rights sentences; English when none is recorded. */
function languageOf(passenger: Passenger): StatementLanguage {
  return STATEMENT_LANGUAGES.find((l) => l === passenger.language) ?? 'en';
}

/** The filled message as the passenger receives it on the planned channels. */
function told(filled: FilledMessage, channels: readonly string[]) {
  return {
    ...(channels.includes('EMAIL')
      ? { email_subject: filled.email_subject, email_body: filled.email_body }
      : {}),
    ...(channels.includes('SMS') || channels.includes('PUSH') ? { sms_body: filled.sms_body } : {}),
  };
}

/** One channel's delivery of a filled message: the e-mail, the SMS, or the push to the app. */
function deliveryOn(
  channel: Channel,
  priority: Delivery['priority'],
  passenger: Passenger,
  filled: FilledMessage,
): Delivery {
  if (channel === 'EMAIL')
    return {
      channel,
      priority,
      recipient: passenger.email,
      subject: filled.email_subject,
      body: filled.email_body,
    };
  if (channel === 'SMS')
    return { channel, priority, recipient: passenger.phone, body: filled.sms_body };
  // The device registered last; the e-mail's subject, when composed, is the push's title.
  return {
    channel,
    priority,
    recipient: passenger.push_endpoints?.[0] ?? '',
    ...(filled.email_subject ? { subject: filled.email_subject } : {}),
    body: filled.sms_body,
  };
}

/**
 * Each passenger's message, filled from the composed segments with their own details: on the
 * channels they accept, stating exactly the rights computed, with their offer's link. A passenger
 * without consent to personalisation gets the templates, whatever was composed for the segment.
 * Returns how many accept only channels not delivered here, for the log.
 */
export async function fillMessages(
  recipients: readonly Recipient[],
  disruption: Disruption,
  composed: ReadonlyMap<string, ComposedSegment>,
  rights: GrantedRights,
  deps: FillDeps,
): Promise<{ messages: PassengerMessage[]; pushOnly: number }> {
  const rightsOf = new Map(rights.map((r) => [r.booking_id, r.regimes]));
  const offers = await offersOf(recipients, deps.offerLinks);
  const messages: PassengerMessage[] = [];
  let pushOnly = 0;
  for (const { booking, passenger } of recipients) {
    const plan = planDeliveries(
      passenger.notification_preferences,
      disruption,
      passenger.push_endpoints,
    );
    const sentOn = plan.deliveries.map((p) => p.channel);
    const channels = channelSetOf(sentOn);
    if (!channels) {
      if (plan.unreachable.length > 0) pushOnly++;
      continue;
    }
    const segment = segmentOf(passenger, booking, disruption, channels);
    const template = templateFor(segment);
    const chosen = (mayPersonalise(passenger) && composed.get(segmentKey(segment))) || {
      template,
      generatedBy: 'TEMPLATE' as const,
    };
    const statement: RightsStatement = statementForChannels(
      rightsStatement(
        rightsOf.get(booking.booking_id) ?? [],
        languageOf(passenger),
        claimLink(deps.rights, booking.booking_id),
      ),
      sentOn,
    );
    const values = placeholderValues(passenger, booking, disruption, statement);
    let filled: FilledMessage;
    let generatedBy = chosen.generatedBy;
    try {
      filled = fillMessage(chosen.template, values);
      // The message must state exactly the rights computed: nothing missing, nothing added.
      const wrong = checkRights(told(filled, sentOn), statement);
      if (wrong.length > 0) throw new Error(`rights: ${wrong.join('; ')}`);
    } catch (error) {
      deps.log.warn('composed message unusable, using template', { error: String(error) });
      filled = fillMessage(template, values);
      generatedBy = 'TEMPLATE';
    }
    const offer = booking.offer_id ? offers.get(booking.offer_id) : undefined;
    if (offer && deps.offerLinks)
      filled = await withOffer(
        filled,
        { booking, offer, disruption },
        passenger.language,
        deps.offerLinks,
      );
    messages.push({
      booking_id: booking.booking_id,
      passenger_id: passenger.passenger_id,
      message_type: segment.messageType,
      segment: segmentKey(segment),
      generated_by: generatedBy,
      deliveries: plan.deliveries.map(({ channel, priority }) =>
        deliveryOn(channel, priority, passenger, filled),
      ),
    });
  }
  return { messages, pushOnly };
}

/** The offers of the recipients' bookings, read together (none without offer links). */
async function offersOf(
  recipients: readonly Recipient[],
  links: OfferLinks | undefined,
): Promise<Map<string, Offer>> {
  const ids = [...new Set(recipients.flatMap(({ booking }) => booking.offer_id ?? []))];
  if (!links || ids.length === 0) return new Map();
  return new Map((await links.offers.getMany(ids)).map((o) => [o.offer_id, o]));
}

/**
 * Appends the offer to a filled message: the link and the time the held seat is kept in the
 * email; in the SMS when it still fits. Added after the checks, since the link and the offer are
 * facts the system made, not words a model wrote.
 */
async function withOffer(
  filled: FilledMessage,
  { booking, offer, disruption }: { booking: Booking; offer: Offer; disruption: Disruption },
  language: Language,
  deps: OfferLinks,
): Promise<FilledMessage> {
  if (offer.status !== 'OPEN') return filled;
  const link = await deps.links.offerLink(booking, offer.expires_at);
  const sentences = offerSentences(offer, {
    language,
    link,
    origin: disruption.detail.flight_details.origin,
  });
  return {
    ...filled,
    email_body: `${filled.email_body}\n\n${sentences.email}`,
    sms_body: withOfferSms(filled.sms_body, sentences.sms),
  };
}
