import { receivedChecks } from './checks/channel-checks.ts';
import { type CheckContext, checkContext, type Helpers } from './checks/check-context.ts';
import { REBOOKING_CHECKS } from './checks/rebooking-checks.ts';
import { RIGHTS_CHECKS } from './checks/rights-checks.ts';
import { SPECIFICATION_CHECKS } from './checks/specification-checks.ts';
import { WEATHER_CHECKS } from './checks/weather-checks.ts';
import { type Check, check, type ScenarioRun } from './scenario-run.ts';

/** Each scenario's expectations by number; a capability adds its own file under checks/. */
const SCENARIO_CHECKS = combine(
  SPECIFICATION_CHECKS,
  WEATHER_CHECKS,
  REBOOKING_CHECKS,
  RIGHTS_CHECKS,
);

type ScenarioChecks = (ctx: CheckContext) => Promise<Check[]>;

/** A scenario several capabilities check runs every capability's checks, in order. */
function combine(...tables: Array<Record<number, ScenarioChecks>>): Record<number, ScenarioChecks> {
  const combined: Record<number, ScenarioChecks> = {};
  for (const table of tables)
    for (const [id, checks] of Object.entries(table)) {
      const before = combined[Number(id)];
      combined[Number(id)] = before
        ? async (ctx) => [...(await before(ctx)), ...(await checks(ctx))]
        : checks;
    }
  return combined;
}

/** The expectations of one scenario, checked through the API, after "no background failures". */
export async function checkScenario(run: ScenarioRun, helpers: Helpers): Promise<Check[]> {
  const checks: Check[] = [
    check('no background failures', run.failures.length === 0, run.failures.map(String).join('; ')),
  ];
  const scenarioChecks = SCENARIO_CHECKS[run.scenario.id];
  if (!scenarioChecks) return [...checks, check(`checks for scenario ${run.scenario.id}`, false)];
  // Every scenario's messages must reach the receiving side, whatever the scenario checks.
  return [...checks, ...(await scenarioChecks(checkContext(run, helpers))), ...receivedChecks(run)];
}
