// Lambda entry: API Gateway REST → the same Hono app `flightpulse start` serves.
import { handle } from 'hono/aws-lambda';
import { createApiApp } from '../api/app.ts';
import { deviceRoutes } from '../api/device-routes.ts';
import { offerRoutes } from '../api/offer-routes.ts';
import { weatherRoutes } from '../api/weather-routes.ts';
import { cognitoVerifier } from './api-identity.ts';
import { pushDeviceDependencies } from './push-device-dependencies.ts';
import { rebookingDependencies } from './rebooking-dependencies.ts';
import { weatherRouteDependencies } from './weather-dependencies.ts';

const deps = rebookingDependencies(process.env);
const app = createApiApp({
  ...deps,
  verifier: cognitoVerifier(process.env, deps.clock, [deps.linkIssuer]),
});
app.route('/', offerRoutes(deps));
app.route('/', weatherRoutes(weatherRouteDependencies(process.env)));
app.route('/', deviceRoutes(pushDeviceDependencies(process.env, deps)));
export const handler = handle(app);
