import { Hono } from 'hono';
import { z } from 'zod';
import { ADMINS, OPERATIONS_STAFF } from '../domain/identity/roles.ts';
import type { Flight } from '../domain/records/flight.ts';
import { RISK_LEVELS } from '../domain/weather/risk-level.ts';
import {
  DeclarationRequestSchema,
  WaiverRequestSchema,
  WatchRequestSchema,
} from '../domain/weather/weather-requests.ts';
import type { WatchResult } from '../handlers/watch-weather.ts';
import {
  type DecisionDeps,
  DecisionError,
  declareWeatherDisruption,
  issueWaiver,
} from '../handlers/weather-decisions.ts';
import { allFlights } from '../ports/all-pages.ts';
import type { FlightStore } from '../ports.ts';
import { loadOr404 } from './api-error.ts';
import { allow } from './route-access.ts';

export interface WeatherRouteDeps extends DecisionDeps {
  flights: FlightStore;
  watch: (at?: string) => Promise<WatchResult>;
}

async function body<T extends z.ZodType>(request: Request, schema: T) {
  const text = await request.text();
  let json: unknown = {};
  try {
    json = text.trim() ? JSON.parse(text) : {};
  } catch {
    return { error: 'Invalid JSON body' } as const;
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? ({ data: parsed.data as z.infer<T> } as const)
    : ({ error: z.prettifyError(parsed.error) } as const);
}

/** The weather watch's view and the decisions operations take on it. */
export function weatherRoutes(deps: WeatherRouteDeps): Hono {
  const app = new Hono();
  app.get('/weather/flights', allow(OPERATIONS_STAFF), async (c) => {
    const rank = (f: Flight) => RISK_LEVELS.indexOf(f.weather?.risk ?? 'NONE');
    const flights = (await allFlights(deps.flights))
      .filter((f) => f.weather)
      .sort(
        (a, b) => rank(b) - rank(a) || a.scheduled_departure.localeCompare(b.scheduled_departure),
      );
    return c.json({ flights, total: flights.length });
  });
  app.post('/weather/watch', allow(ADMINS), async (c) => {
    const request = await body(c.req.raw, WatchRequestSchema);
    if ('error' in request) return c.json({ error: request.error }, 400);
    return c.json(await deps.watch(request.data.at));
  });
  app.post('/flights/:flightId/weather/waiver', allow(ADMINS), async (c) => {
    const flightId = c.req.param('flightId');
    const request = await body(c.req.raw, WaiverRequestSchema);
    if ('error' in request) return c.json({ error: request.error }, 400);
    const flight = loadOr404(await deps.flights.getFlight(flightId), 'Flight', {
      flight_id: flightId,
    });
    try {
      return c.json(
        await issueWaiver(deps, flight, request.data.issued_by, request.data.reason),
        201,
      );
    } catch (error) {
      if (error instanceof DecisionError) return c.json({ error: error.message }, 409);
      throw error;
    }
  });
  app.post('/flights/:flightId/weather/declaration', allow(ADMINS), async (c) => {
    const flightId = c.req.param('flightId');
    const request = await body(c.req.raw, DeclarationRequestSchema);
    if ('error' in request) return c.json({ error: request.error }, 400);
    const flight = loadOr404(await deps.flights.getFlight(flightId), 'Flight', {
      flight_id: flightId,
    });
    try {
      const { declaration } = await declareWeatherDisruption(
        deps,
        flight,
        flight.weather,
        request.data.declared_by,
        request.data.kind,
        request.data.reason,
      );
      return c.json(declaration, 202);
    } catch (error) {
      if (error instanceof DecisionError) return c.json({ error: error.message }, 409);
      throw error;
    }
  });
  return app;
}
