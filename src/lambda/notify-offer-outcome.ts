// Lambda entry: workflow tasks TellPassenger / TellBatch.
import { createNotifyOfferOutcome } from '../handlers/notify-offer-outcome.ts';
import { withMetrics } from './aws-dependencies.ts';
import { rebookingDependencies } from './rebooking-dependencies.ts';
import { awsTellPassengers } from './tell-passengers.ts';

const deps = rebookingDependencies(process.env);
export const handler = withMetrics(
  deps.metrics,
  createNotifyOfferOutcome({
    ...deps,
    tell: awsTellPassengers(process.env),
    metrics: deps.recorder,
  }),
);
