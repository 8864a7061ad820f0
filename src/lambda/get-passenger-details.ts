// Lambda entry: workflow task GetPassengerDetails.
import { createGetPassengerDetails } from '../handlers/get-passenger-details.ts';
import { awsDependencies } from './aws-dependencies.ts';

export const handler = createGetPassengerDetails(awsDependencies(process.env));
