import { describe, expect, it } from 'vitest';
import { principalFromClaims } from '../../../src/domain/identity/principal-claims.ts';
import { admittedRoles } from '../../../src/domain/identity/roles.ts';

describe('principal from token claims', () => {
  it('reads roles from Cognito groups and ignores groups that are not roles', () => {
    expect(principalFromClaims({ sub: 'u1', 'cognito:groups': ['agent', 'pilots'] })).toEqual({
      subject: 'u1',
      roles: ['agent'],
    });
    expect(principalFromClaims({ sub: 'u2' }).roles).toEqual([]);
  });

  it('refuses a passenger token that is not bound to a booking', () => {
    expect(() => principalFromClaims({ sub: 'p', 'cognito:groups': ['passenger'] })).toThrow(
      /booking/,
    );
    expect(() => principalFromClaims({ 'cognito:groups': ['admin'] })).toThrow(/sub/);
  });

  it('admits only the roles a route lists', () => {
    const viewer = { subject: 'v', roles: ['ops-viewer' as const] };
    expect(admittedRoles({ roles: ['agent', 'admin'] }, viewer)).toEqual([]);
    expect(admittedRoles({ roles: ['ops-viewer', 'admin'] }, viewer)).toEqual(['ops-viewer']);
  });
});
