// Lambda entry: DynamoDB stream → booking.status_changed / flight.status_changed.
import { createStreamChangesHandler } from '../handlers/stream-changes.ts';
import { awsDependencies } from './aws-dependencies.ts';

const { publisher, log } = awsDependencies(process.env);
export const handler = createStreamChangesHandler({ publisher, log });
