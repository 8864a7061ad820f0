#!/usr/bin/env node
// The flightpulse command. Node 22.18+ runs the TypeScript sources directly (type stripping).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`flightpulse needs Node.js 22.18 or newer; this is ${process.version}.`);
  process.exit(1);
}
await import('../src/cli/main.ts');
