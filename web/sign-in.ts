/**
 * The console's sign-in. Locally the server's built-in issuer hands out a token for a chosen role
 * (POST /auth/local-token, this machine only); with Cognito configured the console uses the hosted
 * sign-in (authorization code with PKCE). The token lives in sessionStorage and travels as a
 * bearer header, never as a cookie, so other sites cannot make requests with it.
 */

const KEY = 'flightpulse.token';
const VERIFIER_KEY = 'flightpulse.pkce';

export type SignInConfig =
  | { mode: 'local'; roles: string[] }
  | { mode: 'cognito'; domain: string; client_id: string; redirect_uri: string };

export interface Session {
  token: string;
  roles: string[];
  bookingId?: string;
}

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
}

/** The current session, if its token has not expired. */
export function session(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  if (!token) return undefined;
  const claims = claimsOf(token);
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
    sessionStorage.removeItem(KEY);
    return undefined;
  }
  const roles = (claims['cognito:groups'] as string[] | undefined) ?? [];
  return {
    token,
    roles,
    ...(typeof claims.booking_id === 'string' ? { bookingId: claims.booking_id } : {}),
  };
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  location.hash = '#/';
  location.reload();
}

/** fetch with the session's bearer token; a 401 sends the user back to sign-in. */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const current = session();
  if (current) headers.set('authorization', `Bearer ${current.token}`);
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401) {
    sessionStorage.removeItem(KEY);
    location.reload();
  }
  return response;
}

/** A passenger link's token (`?token=`) becomes the session and leaves the address bar. */
function adoptLinkToken(): void {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  sessionStorage.setItem(KEY, token);
  url.searchParams.delete('token');
  const bookingId = claimsOf(token).booking_id;
  history.replaceState(null, '', `${url.pathname}${url.search}#/bookings/${String(bookingId)}`);
}

const base64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

async function cognitoSignIn(config: Extract<SignInConfig, { mode: 'cognito' }>): Promise<void> {
  const code = new URL(location.href).searchParams.get('code');
  const verifier = sessionStorage.getItem(VERIFIER_KEY);
  if (code && verifier) {
    const response = await fetch(`https://${config.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: config.client_id,
        code,
        redirect_uri: config.redirect_uri,
        code_verifier: verifier,
      }),
    });
    const tokens = (await response.json()) as { id_token?: string };
    sessionStorage.removeItem(VERIFIER_KEY);
    if (tokens.id_token) sessionStorage.setItem(KEY, tokens.id_token);
    history.replaceState(null, '', location.pathname);
    return;
  }
  const newVerifier = base64url(crypto.getRandomValues(new Uint8Array(32)).buffer);
  sessionStorage.setItem(VERIFIER_KEY, newVerifier);
  const challenge = base64url(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(newVerifier)),
  );
  const authorize = new URL(`https://${config.domain}/oauth2/authorize`);
  for (const [name, value] of Object.entries({
    response_type: 'code',
    client_id: config.client_id,
    redirect_uri: config.redirect_uri,
    scope: 'openid',
    code_challenge_method: 'S256',
    code_challenge: challenge,
  }))
    authorize.searchParams.set(name, value);
  location.assign(authorize.toString());
}

function localSignIn(view: HTMLElement, roles: string[]): Promise<void> {
  view.dataset.page = 'sign-in';
  view.innerHTML = `<section><h2>Sign in</h2>
    <p>Local sign-in: the server's built-in issuer signs a token for the role you choose.</p>
    <form id="sign-in">
      <label>Role <select name="role">${roles.map((r) => `<option>${r}</option>`).join('')}</select></label>
      <label>Booking (passenger only) <input name="booking_id" autocomplete="off" /></label>
      <button type="submit">Sign in</button>
      <p id="sign-in-error" role="alert"></p>
    </form></section>`;
  return new Promise((resolve) => {
    const form = view.querySelector('#sign-in') as HTMLFormElement;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const bookingId = String(data.get('booking_id') ?? '').trim();
      const response = await fetch('/auth/local-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          role: data.get('role'),
          ...(bookingId ? { booking_id: bookingId } : {}),
        }),
      });
      const body = (await response.json()) as { token?: string; error?: string };
      if (!body.token) {
        (view.querySelector('#sign-in-error') as HTMLElement).textContent =
          body.error ?? 'Sign-in failed';
        return;
      }
      sessionStorage.setItem(KEY, body.token);
      if (data.get('role') === 'passenger') location.hash = `#/bookings/${bookingId}`;
      resolve();
    });
  });
}

/** Resolves once there is a session: from a passenger link, a stored token, or a sign-in. */
export async function ensureSignedIn(view: HTMLElement): Promise<Session> {
  adoptLinkToken();
  let current = session();
  if (current) return current;
  const config = (await (await fetch('/auth/config')).json()) as SignInConfig;
  if (config.mode === 'cognito') await cognitoSignIn(config);
  else await localSignIn(view, config.roles);
  current = session();
  if (!current) throw new Error('not signed in');
  return current;
}

/**
 * Server-Sent Events over fetch, so the stream carries the bearer header (EventSource cannot).
 * Calls `onEvent` per event; resolves when the stream ends.
 */
export async function readEventStream(
  path: string,
  onOpen: () => void,
  onEvent: (event: string, data: string) => void,
): Promise<void> {
  const response = await authorizedFetch(path, { headers: { accept: 'text/event-stream' } });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
      const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
      onEvent(event, data);
      end = buffer.indexOf('\n\n');
    }
  }
}
