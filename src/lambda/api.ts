// Lambda entry: API Gateway REST → the same Hono app `flightpulse start` serves.
import { handle } from 'hono/aws-lambda';
import { createApiApp } from '../api/app.ts';
import { awsDependencies } from './aws-dependencies.ts';

const deps = awsDependencies(process.env);
export const handler = handle(createApiApp(deps));
