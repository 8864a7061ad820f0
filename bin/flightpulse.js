#!/usr/bin/env node
// The flightpulse command. Node 22.18+ runs the TypeScript sources directly (type stripping).
import './check-node.js';

const { ensureFrameContext } = await import('../src/runtime/frame-context.ts');
ensureFrameContext();

await import('../src/cli/main.ts');
