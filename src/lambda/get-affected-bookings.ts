// Lambda entry: workflow task GetAffectedBookings.
import { BOOKING_BATCH_SIZE } from '../domain/workflows/task-functions.ts';
import { createGetAffectedBookings } from '../handlers/get-affected-bookings.ts';
import { awsDependencies } from './aws-dependencies.ts';

const { flights } = awsDependencies(process.env);
export const handler = createGetAffectedBookings({ flights, batchSize: BOOKING_BATCH_SIZE });
