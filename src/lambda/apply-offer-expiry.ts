// Lambda entry: workflow task ApplyExpiry.
import { createApplyOfferExpiry } from '../handlers/apply-offer-expiry.ts';
import { withMetrics } from './aws-dependencies.ts';
import { rebookingDependencies } from './rebooking-dependencies.ts';

const deps = rebookingDependencies(process.env);
export const handler = withMetrics(deps.metrics, createApplyOfferExpiry(deps));
