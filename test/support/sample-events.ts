import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const EVENTS = join(import.meta.dirname, '../events');

/** A sample event from `test/events/<source>/<name>.json`, as the service would deliver it. */
export function sampleEvent<T = Record<string, unknown>>(source: string, name: string): T {
  return JSON.parse(readFileSync(join(EVENTS, source, `${name}.json`), 'utf8')) as T;
}
