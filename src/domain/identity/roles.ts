/**
 * Who may read or change what. Staff roles come from the identity provider's groups (Cognito
 * groups in AWS, the local issuer's `cognito:groups` claim on a laptop); `passenger` comes from a
 * signed link or token bound to one booking.
 */
export const ROLES = ['ops-viewer', 'agent', 'admin', 'passenger'] as const;
export type Role = (typeof ROLES)[number];

/** Board, flights and counts: no personal data. */
export const OPERATIONS_STAFF: readonly Role[] = ['ops-viewer', 'agent', 'admin'];
/** Passenger details and messages, for their work. */
export const CASE_STAFF: readonly Role[] = ['agent', 'admin'];
/** Posting events, scenarios, configuration, erasure. */
export const ADMINS: readonly Role[] = ['admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The verified caller of a request. */
export interface Principal {
  subject: string;
  roles: Role[];
  /** The one booking a passenger principal may see. */
  bookingId?: string;
  /** That booking's passenger. */
  passengerId?: string;
}

/** What a route admits: anyone (health, the API document, the sign-in page) or some roles. */
export type Access = { public: true } | { roles: readonly Role[] };

/** The caller's roles that the route admits, in the route's order. */
export function admittedRoles(access: Access, principal: Principal): Role[] {
  if ('public' in access) return [...principal.roles];
  return access.roles.filter((role) => principal.roles.includes(role));
}
