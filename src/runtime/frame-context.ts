/**
 * AsyncLocalStorage (the runtime's store lanes, run turns and Map item scopes) backed by
 * AsyncContextFrame instead of async_hooks. The async_hooks version puts a hook on every promise
 * the process makes: without it the runtime used 16% less CPU in a wave of 6,000 passengers (see
 * docs/decisions.md). Node.js 24 backs AsyncLocalStorage with frames by default and refuses the
 * flag; Node.js 22 needs the flag at startup.
 */
const FLAG = '--experimental-async-context-frame';

/** The Node.js options that give this Node.js frame-backed AsyncLocalStorage: none where it is the default. */
export function frameContextFlags(): string[] {
  return process.allowedNodeEnvironmentFlags.has(FLAG) ? [FLAG] : [];
}

/**
 * Restarts this process under the flag when this Node.js needs it and it was not given, in place
 * (execve keeps the pid, the environment and the standard streams, so whoever started the process,
 * signals it or kills it sees no difference). A process with an IPC channel keeps async_hooks:
 * the channel's descriptor would not survive the exec. Called by the entry points before anything
 * else loads.
 */
export function ensureFrameContext(): void {
  if (frameContextFlags().length === 0) return;
  if (process.execArgv.includes(FLAG) || (process.env.NODE_OPTIONS ?? '').includes(FLAG)) return;
  if (process.channel || !process.execve || process.platform === 'win32') return;
  process.execve(
    process.execPath,
    [process.execPath, FLAG, ...process.execArgv, ...process.argv.slice(1)],
    process.env,
  );
}
