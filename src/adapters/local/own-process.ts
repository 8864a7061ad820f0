import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A local stand-in (the store, the mailbox and carrier) running as a process of its own. */
export interface OwnProcess<First> {
  /** The process's first message: it is listening, and where. */
  first: First;
  pid?: number;
  /** Sends the process a message, while its channel is open. */
  send(message: unknown): void;
  /**
   * Closes the IPC channel, which the process takes as its signal to stop; resolves on exit,
   * rejects when it exited with an error (a crash, while stopping or before), not when killed.
   */
  close(): Promise<void>;
}

/**
 * Forks `script` and waits for its first message; every later one goes to `onMessage`. No
 * inherited flags (a profiler's, a heap limit): the child is only the stand-in.
 */
export async function startOwnProcess<First>(
  script: URL,
  args: string[],
  onMessage: (message: unknown) => void = () => {},
): Promise<OwnProcess<First>> {
  const name = fileURLToPath(script);
  const child = fork(name, args, { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const first = await new Promise<First>((resolve, reject) => {
    let started = false;
    // One listener for all: a message sent right after the first is not missed.
    child.on('message', (message) => {
      if (started) return onMessage(message);
      started = true;
      resolve(message as First);
    });
    child.once('error', reject);
    void exited.then(() => reject(new Error(`${name} exited before listening`)));
  });
  return {
    first,
    ...(child.pid !== undefined ? { pid: child.pid } : {}),
    send: (message) => {
      if (child.connected) child.send(message as never);
    },
    close: async () => {
      if (child.connected) child.disconnect();
      const code = await exited;
      if (code) throw new Error(`${name} exited with code ${code}`);
    },
  };
}
