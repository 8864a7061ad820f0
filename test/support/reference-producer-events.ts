import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sampleEvent } from './sample-events.ts';

const SOURCE = 'reference-producer';

/**
 * The thirteen events the seeds' reference producer sends (its three documented `producer.py`
 * invocations in the README, the two in "Testing Workflows", the one in "Local Development", and
 * the seven events of `scenarios.py` 1–5), as it writes them: `datetime.utcnow().isoformat()`
 * timestamps without an offset, UUID event ids.
 */
export function referenceProducerEvents(): Record<string, unknown>[] {
  return readdirSync(join(import.meta.dirname, '../events', SOURCE))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => sampleEvent(SOURCE, file.replace(/\.json$/, '')));
}

const OFFSET_LESS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?$/;

/**
 * The event as the producer would stamp it now: every offset-less time moved by the same amount
 * so the first event's timestamp is `now`, still without an offset.
 */
export function restamped(
  event: Record<string, unknown>,
  shiftMs: number,
): Record<string, unknown> {
  const shift = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const match = OFFSET_LESS.exec(value);
      if (!match) return value;
      const moved = new Date(Date.parse(`${match[1]}Z`) + shiftMs).toISOString().slice(0, 19);
      return `${moved}${match[2] ?? ''}`;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v)]));
    }
    return value;
  };
  return shift(event) as Record<string, unknown>;
}
