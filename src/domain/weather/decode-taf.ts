import {
  type Forecast,
  getCompositeForecastForDate,
  type IForecastContainer,
  type ITAF,
  parseTAF,
  parseTAFAsForecast,
  WeatherChangeType,
} from 'metar-taf-parser';
import type { Conditions } from './conditions.ts';
import { conditionsOf } from './conditions-of.ts';
import { isStationId } from './decode-metar.ts';
import { MalformedReportError } from './malformed-report-error.ts';
import { checkTafSection, splitGroups } from './recognised-groups.ts';
import { hhmm, reportTime } from './report-time.ts';

/** One period of a forecast as the assessment reads it, labelled the way a dispatcher says it. */
export interface ForecastPeriod {
  /** "TAF", "TAF FM 1800", "TAF BECMG 0000-0200", "TAF TEMPO 1500-1800", "TAF PROB30 0400-0800". */
  label: string;
  kind: 'PREVAILING' | 'TEMPO' | 'PROB';
  probability?: number;
  start: string;
  end: string;
  conditions: Conditions;
  raw: string;
}

export interface DecodedTaf {
  station: string;
  issued: string;
  valid_from: string;
  valid_to: string;
  raw: string;
  forecast: IForecastContainer;
}

function headerLength(groups: string[], type: WeatherChangeType | undefined): number {
  if (type === WeatherChangeType.FM) return 1;
  if (groups[0]?.startsWith('PROB') && (groups[1] === 'TEMPO' || groups[1] === 'INTER')) return 3;
  return 2;
}

function checkSections(raw: string, taf: ITAF): void {
  const unrecognised: string[] = [];
  const initial = splitGroups(taf.initialRaw);
  const validityAt = initial.findIndex((g) => g.includes('/'));
  unrecognised.push(...checkTafSection('', initial.slice(validityAt + 1).join(' ')).unrecognised);
  for (const trend of taf.trends) {
    const groups = splitGroups(trend.raw);
    const n = headerLength(groups, trend.type);
    const header = groups.slice(0, n).join(' ');
    unrecognised.push(...checkTafSection(header, groups.slice(n).join(' ')).unrecognised);
  }
  if (unrecognised.length > 0)
    throw new MalformedReportError(
      raw,
      `unrecognised group${unrecognised.length > 1 ? 's' : ''} ${unrecognised.join(', ')}`,
    );
}

function parsedTaf(raw: string): ITAF {
  try {
    return parseTAF(raw);
  } catch (error) {
    throw new MalformedReportError(raw, `the forecast cannot be read (${(error as Error).name})`);
  }
}

/**
 * Decodes a TAF. `reference` (an ISO time near the issue time) anchors its day-of-month groups.
 * Throws MalformedReportError for an unreadable or incomplete forecast or any group not understood.
 */
export function decodeTaf(report: string, reference: string): DecodedTaf {
  const raw = report.trim();
  if (raw.length === 0) throw new MalformedReportError(raw, 'the forecast is empty');
  const taf = parsedTaf(raw);
  if (taf.nil) throw new MalformedReportError(raw, 'NIL forecast');
  if (taf.canceled) throw new MalformedReportError(raw, 'the forecast is cancelled (CNL)');
  if (!isStationId(taf.station))
    throw new MalformedReportError(raw, `"${taf.station}" is not a four-letter station`);
  const { day, hour, minute } = taf;
  if (day === undefined || hour === undefined || [day, hour].some(Number.isNaN))
    throw new MalformedReportError(raw, 'the issue time group (ddhhmmZ) is missing or malformed');
  const v = taf.validity;
  if (
    [v.startDay, v.startHour, v.endDay, v.endHour].some((n) => n === undefined || Number.isNaN(n))
  )
    throw new MalformedReportError(raw, 'the validity group (ddhh/ddhh) is missing or malformed');
  for (const trend of taf.trends) {
    const t = trend.validity;
    if ([t.startDay, t.startHour].some(Number.isNaN))
      throw new MalformedReportError(raw, `the change group "${trend.raw}" has a malformed time`);
  }
  checkSections(raw, taf);
  const issued = reportTime({ day, hour, minute: minute ?? 0 }, reference);
  const forecast = parseTAFAsForecast(raw, { issued: new Date(issued) });
  return {
    station: taf.station,
    issued,
    valid_from: forecast.start.toISOString(),
    valid_to: forecast.end.toISOString(),
    raw,
    forecast,
  };
}

function periodOf(f: Forecast): ForecastPeriod {
  const start = f.start.toISOString();
  const end = f.end.toISOString();
  // A BECMG group is named by its own change period, though its conditions last until the next.
  const until = f.type === WeatherChangeType.BECMG ? f.by.toISOString() : end;
  const span = `${hhmm(start)}-${hhmm(until)}`;
  const kind =
    f.type === WeatherChangeType.TEMPO || f.type === WeatherChangeType.INTER
      ? 'TEMPO'
      : f.type === WeatherChangeType.PROB
        ? 'PROB'
        : 'PREVAILING';
  const label =
    f.type === undefined
      ? 'TAF'
      : f.type === WeatherChangeType.FM
        ? `TAF FM ${hhmm(start)}`
        : f.type === WeatherChangeType.PROB
          ? `TAF PROB${f.probability ?? ''}${f.raw.includes('TEMPO') ? ' TEMPO' : ''} ${span}`
          : `TAF ${f.type} ${span}`;
  return {
    label,
    kind: f.probability !== undefined ? 'PROB' : kind,
    ...(f.probability !== undefined ? { probability: f.probability } : {}),
    start,
    end,
    conditions: conditionsOf(f),
    raw: f.raw,
  };
}

/**
 * The forecast at a time: the prevailing period (initial, FM or BECMG — the parser carries
 * earlier conditions into a BECMG group) and every TEMPO, INTER or PROB period that covers it.
 * Undefined when the TAF is not valid at that time.
 */
export function forecastAt(taf: DecodedTaf, at: string): ForecastPeriod[] | undefined {
  const time = new Date(at);
  if (time < new Date(taf.valid_from) || time >= new Date(taf.valid_to)) return undefined;
  const composite = getCompositeForecastForDate(time, taf.forecast);
  return [
    periodOf(composite.prevailing),
    ...stillChanging(composite.prevailing, time, taf),
    ...composite.supplemental.map(periodOf),
  ];
}

/**
 * While a BECMG change is under way (between its start and `by`), the conditions before it may
 * still prevail: they are judged too, as a prevailing period of their own.
 */
function stillChanging(prevailing: Forecast, time: Date, taf: DecodedTaf): ForecastPeriod[] {
  if (prevailing.type !== WeatherChangeType.BECMG || time >= prevailing.by) return [];
  const justBefore = new Date(prevailing.start.getTime() - 1);
  if (justBefore < new Date(taf.valid_from)) return [];
  const before = periodOf(getCompositeForecastForDate(justBefore, taf.forecast).prevailing);
  return [
    {
      ...before,
      label: `${before.label} (until ${prevailing.raw.split(' ').slice(0, 2).join(' ')} completes)`,
    },
  ];
}
