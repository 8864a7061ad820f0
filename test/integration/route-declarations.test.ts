import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declarationOf } from '../../src/api/route-access.ts';
import { type LocalStack, startLocalStack } from '../support/local-stack.ts';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());

describe('every route declares the roles it admits', () => {
  it('has a guard as the first handler of every route of the composed app', () => {
    const firstHandlers = new Map<string, unknown>();
    for (const { method, path, handler } of stack.runtime.app.routes) {
      if (method === 'ALL') continue; // app.use() middleware, such as the default deny
      const key = `${method} ${path}`;
      if (!firstHandlers.has(key)) firstHandlers.set(key, handler);
    }
    const undeclared = [...firstHandlers]
      .filter(([, handler]) => declarationOf(handler) === undefined)
      .map(([key]) => key);
    expect(undeclared).toEqual([]);
    expect(firstHandlers.size).toBeGreaterThan(15);
  });

  it('keeps only health, the API document, keys, sign-in and static console files public', () => {
    const open = stack.runtime.app.routes
      .filter(({ method, handler }) => {
        const declared = declarationOf(handler);
        return method !== 'ALL' && declared !== undefined && 'public' in declared.access;
      })
      .map(({ method, path }) => `${method} ${path}`)
      .sort();
    expect(open).toEqual(
      [
        'GET /',
        'GET /.well-known/jwks.json',
        'GET /auth/config',
        'GET /console.css',
        'GET /console.js',
        'GET /docs',
        'GET /docs/assets/:file',
        'GET /health',
        'GET /openapi.json',
        'POST /auth/local-token',
      ].sort(),
    );
  });
});
