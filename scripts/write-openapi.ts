/**
 * Writes the API's OpenAPI document (the one `GET /openapi.json` serves) to a file, for Redocly
 * lint: `node scripts/write-openapi.ts test-results/openapi.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openApiDocument } from '../src/api/openapi.ts';

const target = resolve(process.argv[2] ?? 'test-results/openapi.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(openApiDocument('http://127.0.0.1:3000'), null, 2)}\n`);
console.log(`OpenAPI document written to ${target}`);
