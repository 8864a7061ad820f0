#!/usr/bin/env node
// Runs a TypeScript entry point after the Node.js version check: `node bin/run.js <file.ts> [args]`.
// The npm scripts go through it so that an older Node.js explains itself instead of failing on `.ts`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import './check-node.js';

const { ensureFrameContext } = await import('../src/runtime/frame-context.ts');
ensureFrameContext();

const [, , script] = process.argv;
if (!script) {
  console.error('usage: node bin/run.js <file.ts> [args]');
  process.exit(2);
}
// The script sees its own arguments where it expects them.
process.argv.splice(1, 2, resolve(script));
await import(pathToFileURL(resolve(script)).href);
