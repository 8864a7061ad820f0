import { checkContext, type Helpers } from './checks/check-context.ts';
import { SPECIFICATION_CHECKS } from './checks/specification-checks.ts';
import { WEATHER_CHECKS } from './checks/weather-checks.ts';
import { type Check, check, type ScenarioRun } from './scenario-run.ts';

/** Each scenario's expectations by number; a capability adds its own file under checks/. */
const SCENARIO_CHECKS = { ...SPECIFICATION_CHECKS, ...WEATHER_CHECKS };

/** The expectations of one scenario, checked through the API, after "no background failures". */
export async function checkScenario(run: ScenarioRun, helpers: Helpers): Promise<Check[]> {
  const checks: Check[] = [
    check('no background failures', run.failures.length === 0, run.failures.map(String).join('; ')),
  ];
  const scenarioChecks = SCENARIO_CHECKS[run.scenario.id];
  if (!scenarioChecks) return [...checks, check(`checks for scenario ${run.scenario.id}`, false)];
  return [...checks, ...(await scenarioChecks(checkContext(run, helpers)))];
}
