import { z } from 'zod';
import type { RawAirportReports } from '../../domain/weather/decode-airport-reports.ts';
import type { WeatherReports, WeatherSource } from '../../ports.ts';

/** The fields of the Data API's JSON answers this adapter reads (/api/data/metar, /api/data/taf). */
const MetarRowSchema = z.object({ icaoId: z.string(), obsTime: z.number(), rawOb: z.string() });
const TafRowSchema = z.object({ icaoId: z.string(), issueTime: z.string(), rawTAF: z.string() });

export class WeatherSourceError extends Error {
  override name = 'WeatherSourceError';
}

/** "2025-01-15 11:20:00" (the API's UTC form) or ISO → ISO. */
function isoTime(text: string): string {
  const iso = text.includes('T') ? text : `${text.replace(' ', 'T')}Z`;
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) throw new WeatherSourceError(`unreadable time "${text}"`);
  return time.toISOString();
}

/**
 * The aviationweather.gov Data API (https://aviationweather.gov/data/api/): the latest METAR and
 * TAF of up to 400 stations per request, as JSON. 204 means no data for those stations.
 */
export class AviationWeatherSource implements WeatherSource {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(options: { baseUrl?: string; timeoutMs?: number } = {}) {
    this.baseUrl = (options.baseUrl ?? 'https://aviationweather.gov').replace(/\/$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  private async rows(product: 'metar' | 'taf', stations: string[]): Promise<unknown[]> {
    const url = `${this.baseUrl}/api/data/${product}?ids=${stations.join(',')}&format=json`;
    const response = await fetch(url, {
      headers: { 'User-Agent': 'FlightPulse weather watch', Accept: 'application/json' },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status === 204) return [];
    if (!response.ok)
      throw new WeatherSourceError(`${product} request answered ${response.status}`);
    const body: unknown = await response.json();
    if (!Array.isArray(body)) throw new WeatherSourceError(`${product} answer is not a JSON array`);
    return body;
  }

  async reports(stations: string[], _at?: string): Promise<WeatherReports> {
    const result: WeatherReports = new Map();
    if (stations.length === 0) return result;
    const entry = (id: string): RawAirportReports => {
      const existing = result.get(id) ?? {};
      result.set(id, existing);
      return existing;
    };
    const [metars, tafs] = await Promise.all([
      this.rows('metar', stations),
      this.rows('taf', stations),
    ]);
    for (const row of metars) {
      const m = MetarRowSchema.safeParse(row);
      if (!m.success) throw new WeatherSourceError('a METAR row lacks icaoId, obsTime or rawOb');
      const observed_at = new Date(m.data.obsTime * 1000).toISOString();
      const current = entry(m.data.icaoId);
      // Several rows per station: keep the newest observation.
      if (!current.metar || current.metar.observed_at < observed_at)
        current.metar = { raw: m.data.rawOb, observed_at };
    }
    for (const row of tafs) {
      const t = TafRowSchema.safeParse(row);
      if (!t.success) throw new WeatherSourceError('a TAF row lacks icaoId, issueTime or rawTAF');
      const issued_at = isoTime(t.data.issueTime);
      const current = entry(t.data.icaoId);
      if (!current.taf || current.taf.issued_at < issued_at)
        current.taf = { raw: t.data.rawTAF, issued_at };
    }
    return result;
  }
}
