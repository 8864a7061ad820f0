import { z } from 'zod';
import { assessReport, ReportQuerySchema } from '../domain/weather/assess-report.ts';
import { MalformedReportError } from '../domain/weather/malformed-report-error.ts';
import { UsageError } from './usage-error.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseQuery(text: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError('stdin must be one JSON object {"airport", "metar", "taf"?, "at"?}');
  }
  const parsed = ReportQuerySchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`invalid input: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * `flightpulse weather assess [--json]`: reads {"airport", "metar", "taf"?, "at"?} on stdin and
 * prints the assessment. A report that cannot be decoded is a clear error and exit code 1.
 */
export async function weatherCommand(
  subcommand: string | undefined,
  json: boolean,
): Promise<boolean> {
  if (subcommand !== 'assess')
    throw new UsageError('usage: flightpulse weather assess [--json] < query.json');
  const query = parseQuery(await readStdin());
  try {
    const result = assessReport(query);
    if (json) console.log(JSON.stringify(result));
    else {
      console.log(
        `${query.airport}: ${result.flight_category}, ceiling ${result.ceiling_ft ?? 'none'} ft, visibility ${result.visibility_m} m — risk ${result.risk}${result.below_minimums ? ', below minimums' : ''}`,
      );
      for (const [runway, kt] of Object.entries(result.crosswind_kt))
        console.log(`  runway ${runway}: crosswind ${kt} kt`);
      for (const reason of result.reasons) console.log(`  - ${reason}`);
    }
    return true;
  } catch (error) {
    if (!(error instanceof MalformedReportError)) throw error;
    if (json) console.log(JSON.stringify({ error: error.message }));
    console.error(`flightpulse weather: ${error.message}`);
    return false;
  }
}
