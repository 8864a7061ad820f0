import type { AircraftWindLimits, AirportWeatherProfile } from './airport-weather-profiles.ts';
import { assessConditions, type ConditionsVerdict } from './assess-conditions.ts';
import type { Conditions } from './conditions.ts';
import type { DecodedMetar } from './decode-metar.ts';
import { type DecodedTaf, forecastAt } from './decode-taf.ts';
import type { FlightCategory } from './flight-category.ts';
import {
  applicableMinimums,
  type CrewQualification,
  type LandingMinimums,
} from './landing-minimums.ts';
import { hhmm, reportTime } from './report-time.ts';
import { type Finding, type RiskLevel, riskOf } from './risk-level.ts';

/** A METAR speaks for the hour after it; beyond that the TAF does. */
const METAR_HORIZON_MS = 60 * 60 * 1000;

export interface AirportWeatherInput {
  profile: AirportWeatherProfile;
  /** The time the flight uses the airport (departure or arrival), ISO UTC. */
  at: string;
  metar?: DecodedMetar;
  taf?: DecodedTaf;
  crew?: CrewQualification;
  windLimits: AircraftWindLimits;
}

export interface AirportAssessment {
  airport: string;
  at: string;
  /** Which report the figures come from. */
  source: 'METAR' | 'TAF' | 'NONE';
  flight_category: FlightCategory | null;
  ceiling_ft: number | null;
  visibility_m: number | null;
  below_minimums: boolean;
  minimums: LandingMinimums;
  crosswind_kt: Record<string, number>;
  tailwind_kt: Record<string, number>;
  risk: RiskLevel;
  reasons: string[];
}

function levelFor(kind: 'PREVAILING' | 'TEMPO' | 'PROB', finding: Finding): Finding {
  // A PROB30/40 period is a possibility, not a plan: it raises a watch, never a HIGH on its own.
  return kind === 'PROB' ? { ...finding, level: 'WATCH' } : finding;
}

interface Judged {
  source: AirportAssessment['source'];
  primary: Conditions | undefined;
  verdict: ConditionsVerdict | undefined;
  findings: Finding[];
  belowMinimums: boolean;
}

function judge(input: AirportWeatherInput, minimums: LandingMinimums): Judged {
  const j = { minimums, runways: input.profile.runways, windLimits: input.windLimits };
  const at = new Date(input.at).getTime();
  if (input.metar) {
    const observed = reportTime(input.metar.observed, input.at);
    const age = at - new Date(observed).getTime();
    if (age >= -METAR_HORIZON_MS && age <= METAR_HORIZON_MS) {
      const verdict = assessConditions(`METAR ${hhmm(observed)}Z`, input.metar.conditions, j);
      return {
        source: 'METAR',
        primary: input.metar.conditions,
        verdict,
        findings: verdict.findings,
        belowMinimums: verdict.below_minimums,
      };
    }
  }
  const periods = input.taf ? forecastAt(input.taf, input.at) : undefined;
  if (!periods) {
    const finding: Finding = {
      level: 'WATCH',
      reason: `no METAR or TAF covers ${hhmm(input.at)}Z`,
    };
    return {
      source: 'NONE',
      primary: undefined,
      verdict: undefined,
      findings: [finding],
      belowMinimums: false,
    };
  }
  const verdicts = periods.map((p) => ({ p, v: assessConditions(p.label, p.conditions, j) }));
  const prevailing = verdicts[0] as (typeof verdicts)[number];
  return {
    source: 'TAF',
    primary: prevailing.p.conditions,
    verdict: prevailing.v,
    findings: verdicts.flatMap(({ p, v }) => v.findings.map((f) => levelFor(p.kind, f))),
    belowMinimums: verdicts.some(({ p, v }) => p.kind !== 'PROB' && v.below_minimums),
  };
}

/**
 * The weather at an airport at the time a flight uses it: the METAR when the time is within an
 * hour of the observation, otherwise the TAF at that time with its TEMPO and PROB periods.
 *
 * @example assessAirport({ profile, at: '2025-01-15T14:00:00Z', taf, windLimits }).risk // 'HIGH'
 */
export function assessAirport(input: AirportWeatherInput): AirportAssessment {
  const minimums = applicableMinimums(input.profile.lowest_approach, input.crew ?? 'STANDARD');
  const judged = judge(input, minimums);
  const winds = judged.verdict?.runway_winds ?? [];
  return {
    airport: input.profile.airport,
    at: input.at,
    source: judged.source,
    flight_category: judged.verdict?.flight_category ?? null,
    ceiling_ft: judged.primary?.ceiling_ft ?? null,
    visibility_m: judged.primary?.visibility_m ?? null,
    below_minimums: judged.belowMinimums,
    minimums,
    crosswind_kt: Object.fromEntries(winds.map((w) => [w.runway, w.crosswind_kt])),
    tailwind_kt: Object.fromEntries(winds.map((w) => [w.runway, w.tailwind_kt])),
    risk: riskOf(judged.findings),
    reasons: [...new Set(judged.findings.map((f) => f.reason))],
  };
}
