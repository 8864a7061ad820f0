import { z } from 'zod';
import type { BookingStore, Clock } from '../ports.ts';

const InputSchema = z.object({ booking_ids: z.array(z.string()).max(100) });

/**
 * Workflow task: marks a batch of bookings NEEDS_REBOOKING; running it twice changes nothing.
 * All are asked at once: the store gathers conditional writes asked in one turn into one call.
 */
export function createMarkBookingsForRebooking(deps: { bookings: BookingStore; clock: Clock }) {
  return async (input: unknown): Promise<{ marked: number; unchanged: number }> => {
    const { booking_ids } = InputSchema.parse(input);
    const at = deps.clock.now();
    const results = await Promise.all(
      booking_ids.map((id) => deps.bookings.markNeedsRebooking(id, at)),
    );
    const marked = results.filter(Boolean).length;
    return { marked, unchanged: booking_ids.length - marked };
  };
}
