import { decodeMetar } from './decode-metar.ts';
import { decodeTaf } from './decode-taf.ts';
import type { AirportReports } from './flight-weather.ts';
import { MalformedReportError } from './malformed-report-error.ts';

/** Raw reports of one airport as a weather source delivers them. */
export interface RawAirportReports {
  metar?: { raw: string; observed_at: string };
  taf?: { raw: string; issued_at: string };
}

function attempt<T>(decode: () => T, problems: string[]): T | undefined {
  try {
    return decode();
  } catch (error) {
    if (!(error instanceof MalformedReportError)) throw error;
    problems.push(error.message);
    return undefined;
  }
}

/** Decodes what a source delivered; a malformed report becomes a stated problem, not a guess. */
export function decodeAirportReports(reports: RawAirportReports | undefined): AirportReports {
  const problems: string[] = [];
  const metarRaw = reports?.metar;
  const tafRaw = reports?.taf;
  const metar = metarRaw ? attempt(() => decodeMetar(metarRaw.raw), problems) : undefined;
  const taf = tafRaw ? attempt(() => decodeTaf(tafRaw.raw, tafRaw.issued_at), problems) : undefined;
  return { ...(metar ? { metar } : {}), ...(taf ? { taf } : {}), problems };
}
