import { formatDemo, runDemo } from '../demo/run-demo.ts';

/** `flightpulse demo`: true when every scenario passed. */
export async function demoCommand(
  env: Record<string, string | undefined>,
  json: boolean,
): Promise<boolean> {
  const result = await runDemo(env);
  console.log(json ? JSON.stringify(result) : formatDemo(result));
  return result.passed;
}
