import { loadConfig } from '../runtime/config.ts';
import { startLocalRuntime } from '../runtime/local-runtime.ts';

/** `flightpulse seed`: loads the sample data where it is missing; safe to run again. */
export async function seedCommand(
  env: Record<string, string | undefined>,
  flags: { dataDir?: string | undefined },
): Promise<void> {
  const config = loadConfig(
    { LOG_LEVEL: 'WARN', ...env },
    flags.dataDir ? { FLIGHTPULSE_DATA_DIR: flags.dataDir } : {},
  );
  let runtime: Awaited<ReturnType<typeof startLocalRuntime>>;
  try {
    runtime = await startLocalRuntime(config);
  } catch (error) {
    if (/lock/i.test(String(error))) {
      throw new Error(
        `the store in ${config.FLIGHTPULSE_DATA_DIR} is in use; stop \`flightpulse start\` first (it seeds an empty store itself)`,
      );
    }
    throw error;
  }
  try {
    const { written, existing } = await runtime.seed();
    console.log(`Sample data: ${written} items written, ${existing} already present.`);
  } finally {
    await runtime.close();
  }
}
