import { z } from 'zod';
import { type Disruption, disruptionFrom } from '../domain/disruptions/disruption.ts';
import { mayPersonalise } from '../domain/identity/preferences.ts';
import {
  type FilledMessage,
  fillMessage,
  placeholderValues,
} from '../domain/messaging/fill-message.ts';
import {
  channelSetOf,
  type MessageSegment,
  segmentKey,
  segmentOf,
} from '../domain/messaging/message-segment.ts';
import { type MessageTemplate, templateFor } from '../domain/messaging/message-templates.ts';
import { ComposedMessageError } from '../domain/messaging/segment-prompt.ts';
import { validateComposed } from '../domain/messaging/validate-composed.ts';
import {
  DisruptionTaskInputSchema,
  type PassengerMessage,
} from '../domain/notifications/passenger-message.ts';
import { planDeliveries } from '../domain/notifications/plan-deliveries.ts';
import { offerSentences, withOfferSms } from '../domain/rebooking/offer-messages.ts';
import { type Booking, BookingSchema } from '../domain/records/booking.ts';
import { type Language, type Passenger, PassengerSchema } from '../domain/records/passenger.ts';
import { checkRights } from '../domain/rights/check-rights.ts';
import { RegimeJudgementSchema } from '../domain/rights/entitlement.ts';
import {
  claimLink,
  DEFAULT_CLAIM_FORM_URL,
  type RightsSettings,
} from '../domain/rights/rights-settings.ts';
import {
  type RightsStatement,
  rightsStatement,
  STATEMENT_LANGUAGES,
  type StatementLanguage,
  statementForChannels,
} from '../domain/rights/rights-statement.ts';
import type { PassengerLinks } from '../ports/passenger-links.ts';
import type { OfferStore } from '../ports/rebooking-ports.ts';
import type { Log, Messenger, MetricsRecorder } from '../ports.ts';

const GrantedSchema = RegimeJudgementSchema.pick({
  regime: true,
  applies: true,
  compensation: true,
  refund: true,
  care: true,
});

const InputSchema = DisruptionTaskInputSchema.extend({
  recipients: z.array(z.object({ booking: BookingSchema, passenger: PassengerSchema })),
  /** What each booking is owed, from the compute-entitlements task (absent: nothing owed). */
  rights: z
    .array(z.object({ booking_id: z.string(), regimes: z.array(GrantedSchema) }))
    .default([]),
});

/** The passenger's language for the rights sentences; English when none is recorded. */
function languageOf(passenger: Passenger): StatementLanguage {
  const language = (passenger as { language?: string }).language;
  return STATEMENT_LANGUAGES.find((l) => l === language) ?? 'en';
}

/** The filled message as the passenger receives it on the planned channels. */
function told(filled: FilledMessage, channels: readonly string[]) {
  return {
    ...(channels.includes('EMAIL')
      ? { email_subject: filled.email_subject, email_body: filled.email_body }
      : {}),
    ...(channels.includes('SMS') ? { sms_body: filled.sms_body } : {}),
  };
}

interface ComposedSegment {
  template: MessageTemplate;
  generatedBy: 'TEMPLATE' | 'LLM';
}

const SEGMENT_CACHE_LIMIT = 1000;
const SEGMENT_CACHE_TTL_MS = 10 * 60_000;

/**
 * Workflow task: composes one message per segment and fills it for each passenger. A segment's
 * message holds no fact of its own (every fact is a placeholder), so it is cached by segment
 * alone for ten minutes: the batches of a flight and the flights of a hub disruption share it.
 * A messenger failure or an unusable message falls back to the templates for that segment.
 */
export function createGenerateMessages(deps: {
  messenger: Messenger;
  metrics: MetricsRecorder;
  log: Log;
  now?: () => number;
  /** false composes every passenger's message afresh (the per-passenger design, for comparison). */
  cacheSegments?: boolean;
  rights?: RightsSettings;
  /** Where a passenger with a rebooking offer finds it: the message carries the link. */
  offerLinks?: OfferLinks;
}) {
  const rightsSettings = deps.rights ?? {
    effectiveDates: {},
    claimFormUrl: DEFAULT_CLAIM_FORM_URL,
  };
  const cache = new Map<string, { composed: Promise<ComposedSegment>; at: number }>();
  const now = deps.now ?? Date.now;

  const compose = (segment: MessageSegment, disruption: Disruption): Promise<ComposedSegment> => {
    if (deps.cacheSegments === false) return composeSegment(segment, disruption, deps);
    const key = segmentKey(segment);
    const cached = cache.get(key);
    if (cached && now() - cached.at < SEGMENT_CACHE_TTL_MS) return cached.composed;
    const composed = composeSegment(segment, disruption, deps);
    cache.delete(key);
    if (cache.size >= SEGMENT_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, { composed, at: now() });
    return composed;
  };

  return async (input: unknown): Promise<{ messages: PassengerMessage[]; segments: number }> => {
    const { kind, detail, recipients, rights } = InputSchema.parse(input);
    const rightsOf = new Map(rights.map((r) => [r.booking_id, r.regimes]));
    const disruption = disruptionFrom(kind, detail);
    const segmentsUsed = new Set<string>();
    const messages: PassengerMessage[] = [];
    let pushOnly = 0;
    for (const { booking, passenger } of recipients) {
      const plan = planDeliveries(passenger.notification_preferences, disruption);
      const planned = plan.deliveries;
      const channels = channelSetOf(planned.map((p) => p.channel));
      if (!channels) {
        if (plan.notDelivered.length > 0) pushOnly++;
        continue;
      }
      const segment = segmentOf(passenger, booking, disruption, channels);
      segmentsUsed.add(segmentKey(segment));
      // Without the passenger's consent no model writes their message: the templates do.
      const composed: ComposedSegment = mayPersonalise(passenger)
        ? await compose(segment, disruption)
        : { template: templateFor(segment), generatedBy: 'TEMPLATE' };
      const sentOn = planned.map((p) => p.channel);
      const statement: RightsStatement = statementForChannels(
        rightsStatement(
          rightsOf.get(booking.booking_id) ?? [],
          languageOf(passenger),
          claimLink(rightsSettings, booking.booking_id),
        ),
        sentOn,
      );
      const values = placeholderValues(passenger, booking, disruption, statement);
      let filled: FilledMessage;
      let generatedBy = composed.generatedBy;
      try {
        filled = fillMessage(composed.template, values);
        // The message must state exactly the rights computed: nothing missing, nothing added.
        const wrong = checkRights(told(filled, sentOn), statement);
        if (wrong.length > 0) throw new Error(`rights: ${wrong.join('; ')}`);
      } catch (error) {
        deps.log.warn('composed message unusable, using template', { error: String(error) });
        filled = fillMessage(templateFor(segment), values);
        generatedBy = 'TEMPLATE';
      }
      if (booking.offer_id && deps.offerLinks)
        filled = await withOffer(filled, booking, passenger.language, disruption, deps.offerLinks);
      messages.push({
        booking_id: booking.booking_id,
        passenger_id: passenger.passenger_id,
        message_type: segment.messageType,
        segment: segmentKey(segment),
        generated_by: generatedBy,
        deliveries: planned.map(({ channel, priority }) =>
          channel === 'EMAIL'
            ? {
                channel,
                priority,
                recipient: passenger.email,
                subject: filled.email_subject,
                body: filled.email_body,
              }
            : { channel, priority, recipient: passenger.phone, body: filled.sms_body },
        ),
      });
    }
    // Push is a preference FlightPulse keeps but does not deliver yet (plan-deliveries.ts).
    if (pushOnly > 0)
      deps.log.warn('passengers who accept only push are not told: push is not delivered yet', {
        passengers: pushOnly,
      });
    return { messages, segments: segmentsUsed.size };
  };
}

/**
 * The segment's message from the messenger, checked against the personalisation rules before
 * anyone receives it; on any failure, the templates.
 */
async function composeSegment(
  segment: MessageSegment,
  disruption: Disruption,
  deps: { messenger: Messenger; metrics: MetricsRecorder; log: Log },
): Promise<ComposedSegment> {
  if (deps.messenger.name === 'TEMPLATE') {
    return { template: await deps.messenger.composeSegment(segment), generatedBy: 'TEMPLATE' };
  }
  try {
    const template = await deps.messenger.composeSegment(segment);
    const problems = validateComposed(template, segment, disruption);
    if (problems.length > 0) throw new ComposedMessageError(`rejected: ${problems.join('; ')}`);
    deps.metrics.count('LLMInvocationsSuccess');
    return { template, generatedBy: 'LLM' };
  } catch (error) {
    deps.metrics.count('LLMInvocationsFailed');
    deps.log.warn('messenger failed, using template', {
      segment: segmentKey(segment),
      error: String(error),
    });
    return { template: templateFor(segment), generatedBy: 'TEMPLATE' };
  }
}

/** The offers of a message's passengers and the links that open them. */
export interface OfferLinks {
  offers: OfferStore;
  links: PassengerLinks;
}

/**
 * Appends the offer to a filled message: the link and the time the held seat is kept in the
 * email; in the SMS when it still fits. Added after the checks, since the link and the offer are
 * facts the system made, not words a model wrote.
 */
async function withOffer(
  filled: FilledMessage,
  booking: Booking,
  language: Language,
  disruption: Disruption,
  deps: OfferLinks,
): Promise<FilledMessage> {
  const offer = await deps.offers.get(booking.offer_id as string);
  if (offer?.status !== 'OPEN') return filled;
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
