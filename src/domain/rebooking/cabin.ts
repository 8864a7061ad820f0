import { z } from 'zod';

/** Cabins from lowest to highest: an option in a higher cabin than the booking is an upgrade. */
export const CABINS = ['ECONOMY', 'BUSINESS'] as const;
export const CabinSchema = z.enum(CABINS);
export type Cabin = z.infer<typeof CabinSchema>;

/** The cabin a fare class travels in: Business Select sits in the front cabin, the rest behind. */
export function cabinOfFare(fareClass: string): Cabin {
  return fareClass === 'BUS' ? 'BUSINESS' : 'ECONOMY';
}

/** 0 for the lowest cabin, higher is better. */
export function cabinLevel(cabin: Cabin): number {
  return CABINS.indexOf(cabin);
}
