/** Largest record value ingest takes (a DynamoDB item is 400 KB; the dead-letter copy must fit). */
export const MAX_RECORD_BYTES = 256 * 1024;
/** Deepest JSON nesting an operations event could need, with room to spare. */
export const MAX_JSON_DEPTH = 32;
/** Longest array an operations event could carry. */
export const MAX_ARRAY_LENGTH = 1000;

/**
 * Why a record's raw text is unfit to parse (too large, too deep, arrays too long), checked
 * without parsing it so a hostile record costs one pass over its characters.
 */
export function recordShapeProblem(raw: string, bytes: number): string | undefined {
  if (bytes > MAX_RECORD_BYTES)
    return `record of ${bytes} bytes exceeds the ${MAX_RECORD_BYTES}-byte limit`;
  let depth = 0;
  let inString = false;
  const elements: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      depth++;
      if (depth > MAX_JSON_DEPTH) return `JSON nested deeper than ${MAX_JSON_DEPTH} levels`;
      elements.push(c === '[' ? 1 : -1);
    } else if (c === '}' || c === ']') {
      depth--;
      elements.pop();
    } else if (c === ',' && (elements.at(-1) ?? -1) > 0) {
      const count = (elements.pop() as number) + 1;
      if (count > MAX_ARRAY_LENGTH) return `JSON array longer than ${MAX_ARRAY_LENGTH} elements`;
      elements.push(count);
    }
  }
  return undefined;
}
