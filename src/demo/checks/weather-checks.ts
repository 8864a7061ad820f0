import type { Flight } from '../../domain/records/flight.ts';
import {
  WaiverIssuedDetailSchema,
  WEATHER_EVENT_SOURCE,
} from '../../domain/weather/weather-events.ts';
import { WEATHER_WATCH_AT } from '../../simulator/scenarios/weather-scenarios.ts';
import { type Check, check } from '../scenario-run.ts';
import type { CheckContext } from './check-context.ts';

type ScenarioChecks = (ctx: CheckContext) => Promise<Check[]>;

function departure(f: Flight): string {
  return new Date(f.estimated_departure ?? f.scheduled_departure).toISOString();
}

async function weatherWatch(ctx: CheckContext): Promise<Check[]> {
  const events = ctx.run.busEvents;
  const risk = events.filter((e) => e['detail-type'] === 'weather.risk');
  const raised = risk.find((e) => e.detail.flight_id === 'SW1234' && e.detail.new_risk === 'HIGH');
  const waiver = events.find((e) => e['detail-type'] === 'flight.waiver_issued');
  const sw1234 = await ctx.flight('SW1234');
  const sw5678 = await ctx.flight('SW5678');
  const waiverDetail = WaiverIssuedDetailSchema.safeParse(waiver?.detail);
  const reasons = sw1234.weather?.reasons ?? [];
  return [
    check(
      'weather.risk published: SW1234 raised to HIGH',
      raised !== undefined,
      JSON.stringify(risk.map((e) => e.detail)),
    ),
    check(
      'risk raised ahead of departure',
      sw1234.weather?.assessed_at === WEATHER_WATCH_AT && WEATHER_WATCH_AT < departure(sw1234),
      `${sw1234.weather?.assessed_at} vs departure ${departure(sw1234)}`,
    ),
    check(
      'SW1234 carries the reason: fog below CAT I at Dallas Love',
      reasons.some(
        (r) => r.startsWith('DAL departure: TAF TEMPO') && r.includes('FG, below CAT I RVR 550 m'),
      ),
      reasons.join('; '),
    ),
    check(
      'the delay until the forecast improves is estimated',
      (sw1234.weather?.suggested_delay_minutes ?? 0) > 0,
      String(sw1234.weather?.suggested_delay_minutes),
    ),
    check(
      'SW5678 (clear at Houston Hobby and Denver) assessed NONE, not a false alarm',
      sw5678.weather?.risk === 'NONE',
      (sw5678.weather?.reasons ?? []).join('; '),
    ),
    check(
      'flight.waiver_issued published by flightpulse.weather with the agreed fields',
      waiver?.source === WEATHER_EVENT_SOURCE &&
        waiverDetail.success &&
        waiverDetail.data.flight_id === 'SW1234',
      JSON.stringify(waiver ?? null),
    ),
    check('the waiver is kept on SW1234', sw1234.waiver?.issued_by === 'duty-manager'),
  ];
}

/** Scenario 9: the weather watch raises the risk ahead of departure and a waiver is issued. */
export const WEATHER_CHECKS: Record<number, ScenarioChecks> = { 9: weatherWatch };
