import { z } from 'zod';
import { type Disruption, disruptionFrom } from '../domain/disruptions/disruption.ts';
import { mayPersonalise } from '../domain/identity/preferences.ts';
import {
  channelSetOf,
  type MessageSegment,
  segmentKey,
  segmentOf,
} from '../domain/messaging/message-segment.ts';
import { templateFor } from '../domain/messaging/message-templates.ts';
import { ComposedMessageError } from '../domain/messaging/segment-prompt.ts';
import { validateComposed } from '../domain/messaging/validate-composed.ts';
import {
  DisruptionTaskInputSchema,
  type PassengerMessage,
} from '../domain/notifications/passenger-message.ts';
import { planDeliveries } from '../domain/notifications/plan-deliveries.ts';
import { BookingSchema } from '../domain/records/booking.ts';
import { PassengerSchema } from '../domain/records/passenger.ts';
import { DEFAULT_CLAIM_FORM_URL, type RightsSettings } from '../domain/rights/rights-settings.ts';
import type { BookingStore, Log, Messenger, MetricsRecorder } from '../ports.ts';
import { RecipientIdsSchema, readKnownRecipients } from './get-passenger-details.ts';
import {
  type ComposedSegment,
  type ComposedSegments,
  fillMessages,
  GrantedRightsSchema,
  type OfferLinks,
  type Recipient,
} from './message-filling.ts';

export type { OfferLinks } from './message-filling.ts';

const SEGMENT_CACHE_LIMIT = 1000;
const SEGMENT_CACHE_TTL_MS = 10 * 60_000;

interface ComposerDeps {
  messenger: Messenger;
  metrics: MetricsRecorder;
  log: Log;
  now?: () => number;
  /** false composes every passenger's message afresh (the per-passenger design, for comparison). */
  cacheSegments?: boolean;
  /** How long one segment waits for the model before its template is used. */
  composeDeadlineMs?: number;
}

/**
 * How long a segment waits for the model before its template is used: well inside the compose
 * task's 120 s timeout, so the workflow never waits on a slow model beyond it.
 */
const COMPOSE_DEADLINE_MS = 30_000;

class ComposeDeadlineError extends Error {
  override name = 'ComposeDeadlineError';
}

/** The answer, or a ComposeDeadlineError once `ms` have passed (a late answer is ignored). */
async function withinDeadline<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ComposeDeadlineError(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The segments a batch needs, composed once each. A segment's message holds no fact of its own
 * (every fact is a placeholder), so it is cached by segment alone for ten minutes: the batches of
 * a flight and the flights of a hub disruption share it. Only passengers who consented to
 * personalisation bring their segment to the messenger; the others get templates when filled.
 */
function createSegmentComposer(deps: ComposerDeps) {
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
  return async (
    recipients: readonly Recipient[],
    disruption: Disruption,
  ): Promise<Map<string, ComposedSegment>> => {
    const segments: Array<[string, MessageSegment]> = [];
    const seen = new Set<string>();
    for (const { booking, passenger } of recipients) {
      if (!mayPersonalise(passenger)) continue;
      const plan = planDeliveries(
        passenger.notification_preferences,
        disruption,
        passenger.push_endpoints,
      );
      const channels = channelSetOf(plan.deliveries.map((p) => p.channel));
      if (!channels) continue;
      const segment = segmentOf(passenger, booking, disruption, channels);
      const key = segmentKey(segment);
      // The per-passenger design asks once per passenger; the batch design once per segment.
      if (seen.has(key) && deps.cacheSegments !== false) continue;
      seen.add(key);
      segments.push([key, segment]);
    }
    // Every segment of the batch at once, each within its deadline: the slowest call bounds the
    // step, not the sum of them.
    return new Map(
      await Promise.all(
        segments.map(async ([key, segment]) => [key, await compose(segment, disruption)] as const),
      ),
    );
  };
}

/** Logs passengers who accept only channels FlightPulse does not deliver here. */
export function reportPushOnly(log: Log, pushOnly: number): void {
  if (pushOnly > 0)
    log.warn('passengers who accept only push but registered no device are not told', {
      passengers: pushOnly,
    });
}

const MessagesInputSchema = DisruptionTaskInputSchema.extend({
  recipients: z.array(z.object({ booking: BookingSchema, passenger: PassengerSchema })),
  rights: GrantedRightsSchema,
});

/**
 * Composes one message per segment and fills it for each passenger given whole (the CLI's
 * `messages`, tests). A messenger failure or an unusable message falls back to the templates for
 * that segment. The workflows split this in two (compose-segments, then send-notifications fills
 * at send time), so passengers' details never enter workflow state.
 */
export function createGenerateMessages(
  deps: ComposerDeps & { rights?: RightsSettings; offerLinks?: OfferLinks },
) {
  const composeFor = createSegmentComposer(deps);
  const rights = deps.rights ?? { effectiveDates: {}, claimFormUrl: DEFAULT_CLAIM_FORM_URL };
  return async (input: unknown): Promise<{ messages: PassengerMessage[]; segments: number }> => {
    const parsed = MessagesInputSchema.parse(input);
    const disruption = disruptionFrom(parsed.kind, parsed.detail);
    const composed = await composeFor(parsed.recipients, disruption);
    const { messages, pushOnly } = await fillMessages(
      parsed.recipients,
      disruption,
      composed,
      parsed.rights,
      { ...deps, rights },
    );
    reportPushOnly(deps.log, pushOnly);
    return { messages, segments: new Set(messages.map((m) => m.segment)).size };
  };
}

const ComposeInputSchema = DisruptionTaskInputSchema.extend({ recipients: RecipientIdsSchema });

/**
 * Workflow task GeneratePersonalizedMessage: reads the batch's passengers and composes the
 * segments they need. Its output is the segments' messages with placeholders — no passenger's
 * details — for the send step to fill.
 */
export function createComposeSegments(
  deps: ComposerDeps & { bookings: Pick<BookingStore, 'getBookings' | 'getPassengers'> },
) {
  const composeFor = createSegmentComposer(deps);
  return async (input: unknown): Promise<{ composed: ComposedSegments; segments: number }> => {
    const { kind, detail, recipients } = ComposeInputSchema.parse(input);
    const disruption = disruptionFrom(kind, detail);
    const records = await readKnownRecipients(deps.bookings, recipients);
    const composed = await composeFor(records, disruption);
    const segments = new Set(
      records.flatMap(({ booking, passenger }) => {
        const plan = planDeliveries(
          passenger.notification_preferences,
          disruption,
          passenger.push_endpoints,
        );
        const channels = channelSetOf(plan.deliveries.map((p) => p.channel));
        return channels ? [segmentKey(segmentOf(passenger, booking, disruption, channels))] : [];
      }),
    );
    return {
      composed: [...composed].map(([segment, c]) => ({
        segment,
        generated_by: c.generatedBy,
        template: c.template,
      })),
      segments: segments.size,
    };
  };
}

/**
 * The segment's message from the messenger, checked against the personalisation rules before
 * anyone receives it; on any failure, the templates.
 */
async function composeSegment(
  segment: MessageSegment,
  disruption: Disruption,
  deps: { messenger: Messenger; metrics: MetricsRecorder; log: Log; composeDeadlineMs?: number },
): Promise<ComposedSegment> {
  if (deps.messenger.name === 'TEMPLATE') {
    return { template: await deps.messenger.composeSegment(segment), generatedBy: 'TEMPLATE' };
  }
  try {
    const template = await withinDeadline(
      deps.messenger.composeSegment(segment),
      deps.composeDeadlineMs ?? COMPOSE_DEADLINE_MS,
    );
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
