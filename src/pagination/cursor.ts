/** Opaque page cursors: the store's LastEvaluatedKey, base64url-encoded JSON. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const valid =
      typeof key === 'object' &&
      key !== null &&
      !Array.isArray(key) &&
      Object.values(key).every((v) => typeof v === 'string');
    if (valid) return key as Record<string, string>;
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError('cursor is not one this API issued');
}
