// Lambda entry: workflow tasks TellPassenger / TellBatch.
import { createNotifyOfferOutcome } from '../handlers/notify-offer-outcome.ts';
import { withMetrics } from './aws-dependencies.ts';
import { rebookingDependencies } from './rebooking-dependencies.ts';

const deps = rebookingDependencies(process.env);
export const handler = withMetrics(
  deps.metrics,
  createNotifyOfferOutcome({ ...deps, metrics: deps.recorder }),
);
