import pLimit from 'p-limit';
import { z } from 'zod';
import { airports } from '../domain/airports/airport-reference.ts';
import { disruptionFrom } from '../domain/disruptions/disruption.ts';
import { DisruptionTaskInputSchema } from '../domain/notifications/passenger-message.ts';
import type { Offer } from '../domain/rebooking/offer.ts';
import type { Booking } from '../domain/records/booking.ts';
import type { Flight } from '../domain/records/flight.ts';
import {
  caseOfDisruption,
  type Entitlement,
  entitlementOf,
  sameRebooking,
} from '../domain/rights/entitlement.ts';
import { judgeRights } from '../domain/rights/judge-rights.ts';
import {
  type BookedTrip,
  type RebookingOutcome,
  rebookingOutcomeOf,
  withRebooking,
} from '../domain/rights/rebooking-outcome.ts';
import type { RightsCase, RightsResult } from '../domain/rights/rights-case.ts';
import type { RightsSettings } from '../domain/rights/rights-settings.ts';
import type { OfferStore } from '../ports/rebooking-ports.ts';
import type { BookingStore, EntitlementStore, FlightStore, Log } from '../ports.ts';

const BatchInputSchema = DisruptionTaskInputSchema.extend({
  booking_ids: z.array(z.string()).max(100),
});
/** After a rebooking answer or expiry: judge the offer's bookings again with what was settled. */
const OfferInputSchema = z.object({ offer_id: z.string().min(1) });

/** What the message step needs of a booking's rights: what was granted, nothing personal. */
export interface GrantedRights {
  booking_id: string;
  regimes: Array<
    Pick<Entitlement['regimes'][number], 'regime' | 'applies' | 'compensation' | 'refund' | 'care'>
  >;
}

export interface ComputeEntitlementsDeps {
  bookings: Pick<BookingStore, 'getBookings'>;
  entitlements: EntitlementStore;
  offers: Pick<OfferStore, 'get' | 'getMany'>;
  flights: Pick<FlightStore, 'getFlights'>;
  rights: RightsSettings;
  log: Log;
}

function granted(entitlement: Entitlement): GrantedRights {
  return {
    booking_id: entitlement.booking_id,
    regimes: entitlement.regimes
      .filter((r) => r.applies)
      .map(({ regime, applies, compensation, refund, care }) => ({
        regime,
        applies,
        compensation,
        refund,
        care,
      })),
  };
}

/** The engine, once per distinct rerouting: a batch's bookings mostly share their case. */
function caseJudge(deps: ComputeEntitlementsDeps) {
  const results = new Map<string, RightsResult>();
  return (rightsCase: RightsCase): RightsResult => {
    const key = JSON.stringify(rightsCase);
    const known = results.get(key);
    if (known) return known;
    const result = judgeRights(rightsCase, {
      airports,
      effectiveDates: deps.rights.effectiveDates,
    });
    results.set(key, result);
    return result;
  };
}

/** The booking's own trip: to the cancelled flight's destination, or on to its onward flight's. */
function tripOf(
  onwardOf: (id: string) => Flight | undefined,
  booking: Booking,
  rightsCase: RightsCase,
): BookedTrip {
  const onward = booking.onward_flight_id ? onwardOf(booking.onward_flight_id) : undefined;
  return onward
    ? { destination: onward.destination, legs: 2 }
    : { destination: rightsCase.destination, legs: 1 };
}

/** The rebooking offered for this cancellation to this booking, judged as its rerouting. */
function outcomeOf(
  offerOf: (id: string) => Offer | undefined,
  booking: Booking,
  rightsCase: RightsCase,
  context: { eventId: string; trip: BookedTrip },
): RebookingOutcome | null {
  if (rightsCase.disruption.type !== 'CANCELLED' || !booking.offer_id) return null;
  const offer = offerOf(booking.offer_id);
  if (!offer || offer.event_id !== context.eventId) return null;
  if (!offer.booking_ids.includes(booking.booking_id)) return null;
  return rebookingOutcomeOf(offer, rightsCase, context.trip);
}

/** What a batch's bookings name (their offers, their onward flights), read together once. */
async function namedBy<T>(
  bookings: readonly Booking[],
  idOf: (booking: Booking) => string | undefined,
  readMany: (ids: string[]) => Promise<T[]>,
  keyOf: (record: T) => string,
): Promise<(id: string) => T | undefined> {
  const ids = [...new Set(bookings.flatMap((b) => idOf(b) ?? []))];
  const found = new Map((await readMany(ids)).map((r) => [keyOf(r), r]));
  return (id) => found.get(id);
}

/**
 * Bookings of a batch judged and stored at once: a whole batch, so their conditional writes go
 * to the store together (the table gathers writes asked for in one turn into transactions).
 */
const CONCURRENT_BOOKINGS = 50;

/**
 * A batch of a delay or cancellation: judges each booking (a cancellation with the rebooking
 * offered to it, when there is one), stores the entitlements and returns what was granted.
 */
async function judgeBatch(
  deps: ComputeEntitlementsDeps,
  input: z.infer<typeof BatchInputSchema>,
): Promise<{ rights: GrantedRights[] }> {
  const disruption = disruptionFrom(input.kind, input.detail);
  if (disruption.kind === 'GATE_CHANGE') return { rights: [] };
  const flightCase = caseOfDisruption(disruption);
  const judge = caseJudge(deps);
  const bookings = (await deps.bookings.getBookings(input.booking_ids)).filter(
    (b) => b.booking_status !== 'CANCELLED',
  );
  const [offerOf, onwardOf] = await Promise.all([
    namedBy(
      bookings,
      (b) => b.offer_id,
      (ids) => deps.offers.getMany(ids),
      (o) => o.offer_id,
    ),
    namedBy(
      bookings,
      (b) => b.onward_flight_id,
      (ids) => deps.flights.getFlights(ids),
      (f) => f.flight_id,
    ),
  ]);
  // Bookings are independent: judged and stored side by side (each write stays conditional).
  const limit = pLimit(CONCURRENT_BOOKINGS);
  const rights: GrantedRights[] = await Promise.all(
    bookings.map((booking) =>
      limit(async () => {
        const trip = tripOf(onwardOf, booking, flightCase);
        const eventId = disruption.detail.event_id;
        const outcome = outcomeOf(offerOf, booking, flightCase, { eventId, trip });
        const rightsCase = withRebooking(flightCase, outcome);
        const entitlement = entitlementOf({
          booking,
          disruption: disruption.detail,
          rightsCase,
          result: judge(rightsCase),
          rebooking: outcome?.rebooking ?? null,
          trip,
        });
        await deps.entitlements.put(entitlement);
        return granted(entitlement);
      }),
    ),
  );
  if (judge(flightCase).regimes.some((r) => r.review)) {
    deps.log.warn('unknown disruption cause, treated as within the carrier’s control', {
      flight_id: disruption.detail.flight_id,
      reason: flightCase.disruption.cause,
    });
  }
  return { rights };
}

/**
 * After an answer or an expiry: judges each booking of the offer again with the rebooking now
 * settled (booked, or declined for a refund) and replaces the stored judgement of the same
 * disruption. A booking already judged with this rebooking, or whose claim notice went out, is
 * left as it is.
 */
async function rejudgeOffer(
  deps: ComputeEntitlementsDeps,
  offerId: string,
): Promise<{ rights: GrantedRights[] }> {
  const offer = await deps.offers.get(offerId);
  if (offer?.reason !== 'CANCELLED') return { rights: [] };
  const judge = caseJudge(deps);
  const rights: GrantedRights[] = [];
  for (const bookingId of offer.booking_ids) {
    const stored = (await deps.entitlements.listOfBooking(bookingId)).find(
      (e) => e.flight_id === offer.flight_id && e.event_id === offer.event_id,
    );
    if (!stored?.rights_case || !stored.trip) continue;
    const outcome = rebookingOutcomeOf(offer, stored.rights_case, stored.trip);
    if (sameRebooking(stored.rebooking ?? null, outcome?.rebooking ?? null)) continue;
    const rightsCase = withRebooking(stored.rights_case, outcome);
    const entitlement = entitlementOf({
      booking: stored,
      disruption: { ...stored, timestamp: stored.event_time },
      rightsCase,
      result: judge(rightsCase),
      rebooking: outcome?.rebooking ?? null,
      trip: stored.trip,
    });
    if (await deps.entitlements.rejudge(entitlement)) rights.push(granted(entitlement));
    else
      deps.log.info('entitlement kept: a claim notice was sent or a later event judged it', {
        booking_id: bookingId,
        offer_id: offerId,
      });
  }
  return { rights };
}

/**
 * Workflow task: judges the passenger rights of a batch's bookings for the flight's delay or
 * cancellation (a cancellation with each booking's rebooking), stores each booking's
 * entitlement (an older event never overwrites a newer one) and returns what was granted, for
 * the messages to state. Given `{offer_id}` instead (the answer workflow), it judges that offer's
 * bookings again with the rebooking the passenger or the expiry settled.
 */
export function createComputeEntitlements(deps: ComputeEntitlementsDeps) {
  return async (input: unknown): Promise<{ rights: GrantedRights[] }> => {
    const offer = OfferInputSchema.safeParse(input);
    if (offer.success) return rejudgeOffer(deps, offer.data.offer_id);
    return judgeBatch(deps, BatchInputSchema.parse(input));
  };
}
