const tokens = new Map<string, Promise<string>>();

/**
 * An admin token for a server: FLIGHTPULSE_TOKEN, or one its local issuer signs on request
 * (local sign-in, answered over loopback only). A restarted server on the same data directory
 * keeps its keys, so the token stays valid.
 */
function tokenFor(base: string): Promise<string> {
  if (process.env.FLIGHTPULSE_TOKEN) return Promise.resolve(process.env.FLIGHTPULSE_TOKEN);
  let token = tokens.get(base);
  if (!token) {
    token = fetch(`${base}/auth/local-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    })
      .then((r) => r.json() as Promise<{ token?: string; error?: string }>)
      .then((b) => {
        if (!b.token) throw new Error(`local sign-in at ${base}: ${b.error}`);
        return b.token;
      });
    token.catch(() => tokens.delete(base));
    tokens.set(base, token);
  }
  return token;
}

/**
 * The one way the fault suite talks HTTP to a running server, so headers (a bearer token, say)
 * are added in one place.
 */
export async function call<T = unknown>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
  retried = false,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  headers.authorization = `Bearer ${await tokenFor(base)}`;
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined
      ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
      : {}),
  });
  if (response.status === 401 && !process.env.FLIGHTPULSE_TOKEN && !retried) {
    // Another server (another data directory, other keys) now answers on this address.
    tokens.delete(base);
    return call(base, path, init, true);
  }
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
