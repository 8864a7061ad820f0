/**
 * An event as EventBridge matches it: every leaf value (string, number, true, false, null) with
 * its dotted path and, for values inside objects or arrays that are array elements, which element
 * of which array they belong to — so a pattern's fields can be required to match within the same
 * element of an array of objects. Objects and empty arrays have no leaf: they do not "exist".
 */
import { isObject } from './json-object.ts';
import type { LeafValue } from './value-matchers.ts';

/** Array id → element index, for every array element (object or array) enclosing the value. */
export type ArrayMembership = ReadonlyMap<number, number>;

export interface EventField {
  value: LeafValue;
  membership: ArrayMembership;
}

/** The event's leaves grouped by path. */
export function flattenEvent(event: unknown): Map<string, EventField[]> {
  const fields = new Map<string, EventField[]>();
  if (!isObject(event)) return fields;
  let arrays = 0;
  const add = (path: string, value: LeafValue, membership: ArrayMembership) => {
    const list = fields.get(path) ?? [];
    list.push({ value, membership });
    fields.set(path, list);
  };
  const visit = (path: string, value: unknown, membership: ArrayMembership): void => {
    if (Array.isArray(value)) {
      const array = arrays++;
      value.forEach((element, index) => {
        const nested = isObject(element) || Array.isArray(element);
        visit(path, element, nested ? new Map(membership).set(array, index) : membership);
      });
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        visit(path === '' ? key : `${path}.${key}`, child, membership);
      }
    } else {
      const leaf = leafOf(value);
      if (leaf) add(path, leaf, membership);
    }
  };
  visit('', event, new Map());
  return fields;
}

function leafOf(value: unknown): LeafValue | undefined {
  if (typeof value === 'string') return { kind: 'string', text: value };
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'number', value };
  if (value === null) return { kind: 'literal', text: 'null' };
  if (typeof value === 'boolean') return { kind: 'literal', text: value ? 'true' : 'false' };
  return undefined;
}

/** The memberships combined, or undefined when they disagree on an array's element. */
export function mergeMemberships(
  so: ArrayMembership,
  field: ArrayMembership,
): ArrayMembership | undefined {
  if (field.size === 0) return so;
  let merged: Map<number, number> | undefined;
  for (const [array, index] of field) {
    const previous = so.get(array);
    if (previous === undefined) {
      merged ??= new Map(so);
      merged.set(array, index);
    } else if (previous !== index) {
      return undefined;
    }
  }
  return merged ?? so;
}
