import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { WeatherReports, WeatherSource } from '../../ports.ts';

/** A recording: per station, METARs with their observation time and TAFs with their issue time. */
const RecordingSchema = z.record(
  z.string(),
  z.object({
    metars: z.array(z.object({ observed_at: z.iso.datetime(), raw: z.string() })).default([]),
    tafs: z.array(z.object({ issued_at: z.iso.datetime(), raw: z.string() })).default([]),
  }),
);
type Recording = z.infer<typeof RecordingSchema>;

/**
 * Serves recorded reports from the JSON files of a directory: for a time, the newest METAR
 * observed and the newest TAF issued at or before it — what a live source would have answered then.
 */
export class ReplayWeatherSource implements WeatherSource {
  private readonly stations = new Map<string, Recording[string]>();

  constructor(directory: string) {
    for (const file of readdirSync(directory)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const parsed = RecordingSchema.safeParse(
        JSON.parse(readFileSync(join(directory, file), 'utf8')),
      );
      if (!parsed.success)
        throw new Error(`weather recording ${file}: ${z.prettifyError(parsed.error)}`);
      for (const [station, recorded] of Object.entries(parsed.data)) {
        const known = this.stations.get(station) ?? { metars: [], tafs: [] };
        known.metars.push(...recorded.metars);
        known.tafs.push(...recorded.tafs);
        this.stations.set(station, known);
      }
    }
  }

  async reports(stations: string[], at: string): Promise<WeatherReports> {
    const time = new Date(at).getTime();
    const latest = <T>(items: T[], timeOf: (item: T) => string) =>
      items
        .filter((i) => new Date(timeOf(i)).getTime() <= time)
        .sort((a, b) => timeOf(b).localeCompare(timeOf(a)))[0];
    const result: WeatherReports = new Map();
    for (const station of stations) {
      const recorded = this.stations.get(station);
      if (!recorded) continue;
      const metar = latest(recorded.metars, (m) => m.observed_at);
      const taf = latest(recorded.tafs, (t) => t.issued_at);
      result.set(station, { ...(metar ? { metar } : {}), ...(taf ? { taf } : {}) });
    }
    return result;
  }
}
