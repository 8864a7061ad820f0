import { UsageError } from './usage-error.ts';

/** A whole-number flag within bounds, or a one-line error naming the flag and what it accepts. */
export function intFlag(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    throw new UsageError(
      `--${name} takes a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')} (got ${JSON.stringify(value)})`,
    );
  return n;
}

/** One of a fixed set of values (case-insensitive), or a one-line error listing them. */
export function enumFlag<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value.toUpperCase());
  if (!found)
    throw new UsageError(
      `--${name} takes one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`,
    );
  return found;
}
