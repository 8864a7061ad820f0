import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('../../../step-functions/', import.meta.url));
const LAMBDA_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

interface State {
  Type: string;
  Resource?: string;
  Retry?: Array<{ ErrorEquals: string[]; MaxAttempts?: number; BackoffRate?: number }>;
  ItemProcessor?: { States: Record<string, State> };
  Iterator?: { States: Record<string, State> };
  Branches?: Array<{ States: Record<string, State> }>;
}

/** Every state of a definition, nested ones (Map, Parallel) included. */
function statesOf(states: Record<string, State>, path = ''): Array<[string, State]> {
  return Object.entries(states).flatMap(([name, state]) => [
    [`${path}${name}`, state] as [string, State],
    ...statesOf(state.ItemProcessor?.States ?? state.Iterator?.States ?? {}, `${path}${name}/`),
    ...(state.Branches ?? []).flatMap((b, i) => statesOf(b.States, `${path}${name}[${i}]/`)),
  ]);
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.asl.json'));

describe('every Lambda task in every workflow', () => {
  it.each(files)('%s retries Lambda service errors and throttling with backoff', (file) => {
    const definition = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as {
      States: Record<string, State>;
    };
    const lambdaTasks = statesOf(definition.States).filter(
      ([, s]) => s.Type === 'Task' && String(s.Resource).includes('lambda'),
    );
    expect(lambdaTasks.length).toBeGreaterThan(0);
    const missing = lambdaTasks
      .filter(([, s]) => {
        const retry = s.Retry?.find((r) => LAMBDA_ERRORS.every((e) => r.ErrorEquals.includes(e)));
        return !retry || (retry.MaxAttempts ?? 3) < 2 || (retry.BackoffRate ?? 2) < 1.5;
      })
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });
});
