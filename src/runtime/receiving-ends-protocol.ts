import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HandsetMessage, SmsReceipt } from '../adapters/local/carrier/loopback-carrier.ts';
import type { ReceivedEmail } from '../adapters/local/smtp/embedded-smtp-server.ts';
import type { ReceivingEnds, ReceivingEndsSettings, ReceivingSink } from './receiving-ends.ts';

/** What the receiving ends' process tells the runtime. */
export type ChildMessage =
  | { type: 'ready'; smtpPort: number | undefined; endpoint: string }
  | { type: 'mail'; id: number; item: ReceivedEmail }
  | { type: 'handset'; id: number; item: HandsetMessage }
  | { type: 'receipt'; receipt: SmsReceipt };

/** The runtime's answer: the message `id` is kept, or not (`error`). */
export interface ParentMessage {
  id: number;
  error?: string;
}

/**
 * Starts the receiving ends in a child process (receiving-ends-process.ts): what they receive
 * reaches `sink` here over IPC, and the child answers the sender once `sink` resolved.
 */
export async function startReceivingEndsInOwnProcess(
  settings: ReceivingEndsSettings,
  sink: ReceivingSink,
): Promise<ReceivingEnds> {
  const script = fileURLToPath(new URL('./receiving-ends-process.ts', import.meta.url));
  // No inherited flags (a profiler's, a heap limit): the child is only the mailbox and carrier.
  const child = fork(script, [JSON.stringify(settings)], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const answer = (message: ParentMessage) => {
    if (child.connected) child.send(message);
  };
  const ready = new Promise<Extract<ChildMessage, { type: 'ready' }>>((resolve, reject) => {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve(message);
      else if (message.type === 'receipt') sink.receipt(message.receipt);
      else {
        const kept = message.type === 'mail' ? sink.mail(message.item) : sink.handset(message.item);
        // Not kept, the child answers the sender with an error and the send is retried.
        kept.then(
          () => answer({ id: message.id }),
          (error: Error) => answer({ id: message.id, error: error.message }),
        );
      }
    });
    child.once('error', reject);
    void exited.then(() => reject(new Error('the receiving ends exited before listening')));
  });
  const { smtpPort, endpoint } = await ready;
  return {
    smtpPort,
    endpoint,
    ...(child.pid !== undefined ? { pid: child.pid } : {}),
    close: async () => {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}
