// Lambda entry: workflow task GetAffectedBookings.
import { z } from 'zod';
import { S3ObjectStore } from '../adapters/s3/s3-object-store.ts';
import { BOOKING_BATCH_SIZE } from '../domain/workflows/task-functions.ts';
import { createGetAffectedBookings } from '../handlers/get-affected-bookings.ts';
import { awsDependencies } from './aws-dependencies.ts';

const env = z
  .object({
    /** The workflow manifest bucket (the stack sets it; Distributed Map reads it). */
    MANIFEST_BUCKET: z.string().min(3),
    AWS_REGION: z.string().min(1),
    AWS_ENDPOINT_URL_S3: z.url().optional(),
  })
  .parse(process.env);
const { flights } = awsDependencies(process.env);
export const handler = createGetAffectedBookings({
  flights,
  batchSize: BOOKING_BATCH_SIZE,
  objects: new S3ObjectStore({
    region: env.AWS_REGION,
    ...(env.AWS_ENDPOINT_URL_S3 ? { endpoint: env.AWS_ENDPOINT_URL_S3 } : {}),
  }),
  bucket: env.MANIFEST_BUCKET,
});
