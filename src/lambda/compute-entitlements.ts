// Lambda entry: workflow task ComputeEntitlements.
import { createComputeEntitlements } from '../handlers/compute-entitlements.ts';
import { awsDependencies } from './aws-dependencies.ts';

export const handler = createComputeEntitlements(awsDependencies(process.env));
