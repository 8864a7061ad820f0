import { z } from 'zod';
import type { BookingStore, Clock } from '../ports.ts';

const InputSchema = z.object({ booking_ids: z.array(z.string()).max(100) });
const CONCURRENCY = 10;

/** Workflow task: marks a batch of bookings NEEDS_REBOOKING; running it twice changes nothing. */
export function createMarkBookingsForRebooking(deps: { bookings: BookingStore; clock: Clock }) {
  return async (input: unknown): Promise<{ marked: number; unchanged: number }> => {
    const { booking_ids } = InputSchema.parse(input);
    const at = deps.clock.now();
    let marked = 0;
    let next = 0;
    const worker = async () => {
      while (next < booking_ids.length) {
        const id = booking_ids[next++] as string;
        if (await deps.bookings.markNeedsRebooking(id, at)) marked++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { marked, unchanged: booking_ids.length - marked };
  };
}
