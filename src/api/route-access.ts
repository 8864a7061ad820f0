import type { Context, Hono, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { type Access, admittedRoles, type Principal, type Role } from '../domain/identity/roles.ts';
import type { TokenVerifier } from '../ports.ts';

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
    tokenVerifier: TokenVerifier;
  }
}

/** What a passenger principal must match: the booking or passenger the request is about. */
export interface PassengerScope {
  /** The booking the request is about (given the caller, for records that belong to several). */
  booking?: (c: Context, principal: Principal) => string | undefined | Promise<string | undefined>;
  passenger?: (c: Context) => string | undefined | Promise<string | undefined>;
}

export interface RouteAccess {
  access: Access;
  passenger?: PassengerScope;
}

const declarations = new WeakMap<object, RouteAccess>();

const deny = (c: Context, status: 401 | 403, error: string) => {
  if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="flightpulse"');
  return c.json({ error }, status);
};

function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  return header?.match(/^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i)?.[1];
}

/** Whether a passenger principal may make this request: the scope must name their own booking. */
async function passengerMayAccess(
  c: Context,
  scope: PassengerScope | undefined,
  principal: Principal,
): Promise<boolean> {
  if (!scope) return false;
  if (scope.booking) {
    const bookingId = await scope.booking(c, principal);
    if (bookingId === undefined || bookingId !== principal.bookingId) return false;
  }
  if (scope.passenger) {
    const passengerId = await scope.passenger(c);
    if (passengerId === undefined || passengerId !== principal.passengerId) return false;
  }
  return true;
}

/**
 * The route's guard: a valid bearer token (401 JSON otherwise) whose roles the route admits
 * (403 otherwise); a passenger only for their own booking. Runs at the route's own position, so
 * path parameters are the route's.
 */
function guard(route: RouteAccess): MiddlewareHandler {
  const handler: MiddlewareHandler = async (c, next) => {
    if ('public' in route.access) return next();
    const token = bearerToken(c);
    if (!token) return deny(c, 401, 'Unauthorized: a bearer token is required');
    let principal: Principal;
    try {
      // No verifier means the app was built without authentication: fail closed.
      if (!c.var.tokenVerifier) throw new Error('no verifier');
      principal = await c.var.tokenVerifier.verify(token);
    } catch {
      return deny(c, 401, 'Unauthorized: the token is invalid or expired');
    }
    const roles = admittedRoles(route.access, principal);
    if (roles.length === 0) return deny(c, 403, 'Forbidden: your role does not allow this');
    const staff = roles.some((role) => role !== 'passenger');
    if (!staff && !(await passengerMayAccess(c, route.passenger, principal)))
      return deny(c, 403, 'Forbidden: not your booking');
    c.set('principal', principal);
    return next();
  };
  declarations.set(handler, route);
  return handler;
}

/** The first handler of a route open to anyone: health, the API document, the sign-in page. */
export function publicRoute(): MiddlewareHandler {
  return guard({ access: { public: true } });
}

/**
 * The first handler of every other route: the roles it admits. A route that admits `passenger`
 * says which booking or passenger the request concerns; a passenger is admitted only to their own.
 *
 * @example routes.get('/bookings/:bookingId', allow(CASE_STAFF, { booking: (c) => c.req.param('bookingId') }), handler)
 */
export function allow(roles: readonly Role[], passenger?: PassengerScope): MiddlewareHandler {
  if (roles.includes('passenger') && !passenger?.booking && !passenger?.passenger)
    throw new Error('a route that admits passengers must say which booking or passenger');
  return guard({ access: { roles }, ...(passenger ? { passenger } : {}) });
}

/** The declaration a handler carries, if it is a route guard. */
export function declarationOf(handler: unknown): RouteAccess | undefined {
  return typeof handler === 'function' ? declarations.get(handler) : undefined;
}

/**
 * Default deny for the whole app (register first, with `app.use`): a request that matched a
 * route whose first handler is not a guard answers 403, whatever its method; `use()` middleware
 * (method ALL) is skipped. Hands the verifier to the guards.
 */
export function denyUndeclaredRoutes(verifier: TokenVerifier): MiddlewareHandler {
  return async (c, next) => {
    c.set('tokenVerifier', verifier);
    const route = matchedRoutes(c).find(({ method }) => method !== 'ALL');
    if (route && !declarationOf(route.handler))
      return deny(c, 403, 'Forbidden: this route declares no roles');
    return next();
  };
}

/** The access an app declares for an operation, by OpenAPI method and path (`/flights/{flightId}`). */
export function declaredAccess(app: Hono, method: string, path: string): Access | undefined {
  const honoPath = path.replace(/\{(\w+)\}/g, ':$1');
  const route = app.routes.find(
    (r) => r.method === method.toUpperCase() && r.path === honoPath && declarationOf(r.handler),
  );
  return route ? declarationOf(route.handler)?.access : undefined;
}
