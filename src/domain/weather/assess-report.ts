import { z } from 'zod';
import { airportWeatherProfile, windLimitsFor } from './airport-weather-profiles.ts';
import { assessAirport } from './assess-airport.ts';
import { decodeMetar } from './decode-metar.ts';
import { decodeTaf } from './decode-taf.ts';
import { FLIGHT_CATEGORIES } from './flight-category.ts';
import { MalformedReportError } from './malformed-report-error.ts';
import { reportTime } from './report-time.ts';
import { RISK_LEVELS } from './risk-level.ts';

/** What `flightpulse weather assess` reads: one airport, its METAR, optionally a TAF and a time. */
export const ReportQuerySchema = z.object({
  airport: z.string().regex(/^[A-Z]{3}$/, 'three-letter airport code'),
  metar: z.string().min(1),
  taf: z.string().min(1).optional(),
  at: z.iso.datetime().optional(),
  aircraft: z.string().optional(),
  crew: z.enum(['STANDARD', 'HIGH_MINIMUMS_CAPTAIN']).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export const ReportAssessmentSchema = z.object({
  flight_category: z.enum(FLIGHT_CATEGORIES),
  ceiling_ft: z.number().int().nullable(),
  visibility_m: z.number().int(),
  risk: z.enum(RISK_LEVELS),
  below_minimums: z.boolean(),
  crosswind_kt: z.record(z.string(), z.number().int()),
  reasons: z.array(z.string()),
});
export type ReportAssessment = z.infer<typeof ReportAssessmentSchema>;

/**
 * Assesses one report: the METAR at its observation time, or — with `at` more than an hour after
 * it — the TAF at `at`. Throws MalformedReportError for a report it cannot decode without guessing.
 */
export function assessReport(query: ReportQuery): ReportAssessment {
  const metar = decodeMetar(query.metar);
  // Without a date on the report, the observation's own day and hour stand for "now".
  const reference = query.at ?? `2000-01-${String(metar.observed.day).padStart(2, '0')}T00:00:00Z`;
  const observed = reportTime(metar.observed, reference);
  const at = query.at ?? observed;
  const taf = query.taf ? decodeTaf(query.taf, observed) : undefined;
  const assessment = assessAirport({
    profile: airportWeatherProfile(query.airport),
    at,
    metar,
    ...(taf ? { taf } : {}),
    ...(query.crew ? { crew: query.crew } : {}),
    windLimits: windLimitsFor(query.aircraft),
  });
  if (assessment.flight_category === null || assessment.visibility_m === null) {
    const problem =
      assessment.source === 'NONE' ? `neither report covers ${at}` : 'visibility is not reported';
    throw new MalformedReportError(
      assessment.source === 'TAF' ? (query.taf ?? '') : metar.raw,
      problem,
    );
  }
  return {
    flight_category: assessment.flight_category,
    ceiling_ft: assessment.ceiling_ft,
    visibility_m: assessment.visibility_m,
    risk: assessment.risk,
    below_minimums: assessment.below_minimums,
    crosswind_kt: assessment.crosswind_kt,
    reasons: assessment.reasons,
  };
}
