/**
 * The one way the fault suite talks HTTP to a running server, so headers (a bearer token, say)
 * are added in one place.
 */
export async function call<T = unknown>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (process.env.FLIGHTPULSE_TOKEN)
    headers.authorization = `Bearer ${process.env.FLIGHTPULSE_TOKEN}`;
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined
      ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
      : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T };
}

/** Every item of a paged list endpoint (`next_cursor`). */
export async function all<T>(base: string, path: string, field: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { status: number; body: Record<string, unknown> } = await call(
      base,
      `${path}${sep}limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
    items.push(...((page.body[field] as T[]) ?? []));
    cursor = (page.body.next_cursor as string | null) ?? null;
  } while (cursor);
  return items;
}
