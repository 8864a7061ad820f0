// Lambda entry: workflow task MarkBatchForRebooking.
import { createMarkBookingsForRebooking } from '../handlers/mark-bookings-for-rebooking.ts';
import { awsDependencies } from './aws-dependencies.ts';

export const handler = createMarkBookingsForRebooking(awsDependencies(process.env));
