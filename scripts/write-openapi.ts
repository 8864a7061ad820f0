/**
 * Writes the API's OpenAPI document (the one `GET /openapi.json` serves, with each operation's
 * roles read from the app's route guards) to a file, for Redocly lint:
 * `node scripts/write-openapi.ts test-results/openapi.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type ApiDeps, createApiApp } from '../src/api/app.ts';

const target = resolve(process.argv[2] ?? 'test-results/openapi.json');
// Building the routes reads no dependency but the optional feed: no store is opened here.
const app = createApiApp({ feed: {} } as unknown as ApiDeps);
const document = (await (await app.request('/openapi.json')).json()) as Record<string, unknown>;
document.servers = [{ url: 'http://127.0.0.1:3000' }];
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
console.log(`OpenAPI document written to ${target}`);
