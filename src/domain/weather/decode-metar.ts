import { type IMetar, parseMetar } from 'metar-taf-parser';
import type { Conditions } from './conditions.ts';
import { conditionsOf } from './conditions-of.ts';
import { MalformedReportError } from './malformed-report-error.ts';
import { checkMetarGroups, splitGroups } from './recognised-groups.ts';

export interface DecodedMetar {
  station: string;
  /** Day of month, hour and minute (UTC) of the observation. */
  observed: { day: number; hour: number; minute: number };
  automated: boolean;
  corrected: boolean;
  conditions: Conditions;
  raw: string;
}

function isLetters(text: string): boolean {
  return text.length > 0 && [...text].every((c) => c >= 'A' && c <= 'Z');
}

/** A four-letter ICAO location indicator (KJFK, EGLL). */
export function isStationId(text: string): boolean {
  return text.length === 4 && isLetters(text);
}

function parsed(raw: string): IMetar {
  try {
    return parseMetar(raw);
  } catch (error) {
    throw new MalformedReportError(raw, `the report cannot be read (${(error as Error).name})`);
  }
}

/**
 * Decodes a METAR or SPECI. Throws MalformedReportError when any group before the remarks is not
 * understood, when the station or time is missing, or when the report is NIL; remarks are kept as
 * written and never change the result.
 *
 * @example decodeMetar('KJFK 301251Z 31012KT 1/4SM FG VV002 08/06 A2992').conditions.ceiling_ft // 200
 */
export function decodeMetar(report: string): DecodedMetar {
  const raw = report.trim();
  if (raw.length === 0) throw new MalformedReportError(raw, 'the report is empty');
  const metar = parsed(raw);
  if (metar.nil) throw new MalformedReportError(raw, 'NIL report (no observation)');
  if (!isStationId(metar.station))
    throw new MalformedReportError(raw, `"${metar.station}" is not a four-letter station`);
  const { day, hour, minute } = metar;
  if (
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    [day, hour, minute].some(Number.isNaN)
  ) {
    throw new MalformedReportError(
      raw,
      'the observation time group (ddhhmmZ) is missing or malformed',
    );
  }
  const groups = splitGroups(raw);
  const header = groups.indexOf(metar.station) + 2;
  const time = groups[header - 1] ?? '';
  if (time.length !== 7 || !time.endsWith('Z'))
    throw new MalformedReportError(
      raw,
      'the observation time group (ddhhmmZ) is missing or malformed',
    );
  const { unrecognised, windShearGroups } = checkMetarGroups(raw, header);
  if (unrecognised.length > 0) {
    throw new MalformedReportError(
      raw,
      `unrecognised group${unrecognised.length > 1 ? 's' : ''} ${unrecognised.join(', ')}`,
    );
  }
  return {
    station: metar.station,
    observed: { day, hour, minute },
    automated: metar.auto === true,
    corrected: metar.corrected === true,
    conditions: conditionsOf(metar, { runways: metar.runwaysInfo, windShearGroups }),
    raw,
  };
}
