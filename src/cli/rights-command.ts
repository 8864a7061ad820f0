import { text } from 'node:stream/consumers';
import { UnknownAirportError } from '../domain/airports/airport.ts';
import { airports } from '../domain/airports/airport-reference.ts';
import { describeIssues } from '../domain/records/describe-issues.ts';
import { judgeRights } from '../domain/rights/judge-rights.ts';
import { RightsCaseSchema } from '../domain/rights/rights-case.ts';
import { loadConfig, ruleEffectiveDates } from '../runtime/config.ts';
import { UsageError } from './usage-error.ts';

/** The printed shape: each regime's public fields, nothing internal. */
function publicResult(result: ReturnType<typeof judgeRights>) {
  return {
    distance_km: result.distance_km,
    regimes: result.regimes.map((r) => ({
      regime: r.regime,
      applies: r.applies,
      compensation: r.compensation,
      refund: r.refund,
      care: r.care,
      reasons: r.reasons,
      citations: r.citations,
    })),
  };
}

/**
 * `flightpulse rights [--json]`: judges one case read from stdin, without the stack, so a rule
 * can be checked by hand. Bad input is a usage error naming every problem.
 */
export async function rightsCommand(
  env: Record<string, string | undefined>,
  input: NodeJS.ReadableStream,
  json: boolean,
): Promise<void> {
  const config = loadConfig(env);
  const raw = await text(input);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`stdin is not JSON: ${(error as Error).message}`);
  }
  const rightsCase = RightsCaseSchema.safeParse(parsed);
  if (!rightsCase.success)
    throw new UsageError(`invalid case: ${describeIssues(rightsCase.error)}`);
  let result: ReturnType<typeof judgeRights>;
  try {
    result = judgeRights(rightsCase.data, {
      airports,
      effectiveDates: ruleEffectiveDates(config),
    });
  } catch (error) {
    if (error instanceof UnknownAirportError) throw new UsageError(error.message);
    throw error;
  }
  const printed = publicResult(result);
  if (json) {
    console.log(JSON.stringify(printed, null, 2));
    return;
  }
  console.log(
    `${rightsCase.data.origin} → ${rightsCase.data.destination}: ${printed.distance_km} km`,
  );
  for (const r of printed.regimes) {
    const money = r.compensation ? `${r.compensation.amount} ${r.compensation.currency}` : 'none';
    console.log(
      `  ${r.regime.padEnd(5)} ${r.applies ? 'applies' : 'n/a    '}  compensation ${money}  refund ${r.refund ? 'yes' : 'no'}  care ${r.care.join(', ') || '—'}`,
    );
  }
}
