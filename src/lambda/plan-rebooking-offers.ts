// Lambda entry: workflow task GenerateRebookingOptions.
import { createPlanRebookingOffers } from '../handlers/plan-rebooking-offers.ts';
import { withMetrics } from './aws-dependencies.ts';
import { rebookingDependencies } from './rebooking-dependencies.ts';

const deps = rebookingDependencies(process.env);
export const handler = withMetrics(
  deps.metrics,
  createPlanRebookingOffers({ ...deps, metrics: deps.recorder }),
);
