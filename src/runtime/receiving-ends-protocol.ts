import type { HandsetMessage, SmsReceipt } from '../adapters/local/carrier/loopback-carrier.ts';
import { startOwnProcess } from '../adapters/local/own-process.ts';
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
  const answer = (message: ParentMessage) => ends.send(message);
  const ends = await startOwnProcess<Extract<ChildMessage, { type: 'ready' }>>(
    new URL('./receiving-ends-process.ts', import.meta.url),
    [JSON.stringify(settings)],
    (received) => {
      const message = received as Exclude<ChildMessage, { type: 'ready' }>;
      if (message.type === 'receipt') return sink.receipt(message.receipt);
      const kept = message.type === 'mail' ? sink.mail(message.item) : sink.handset(message.item);
      // Not kept, the child answers the sender with an error and the send is retried.
      kept.then(
        () => answer({ id: message.id }),
        (error: Error) => answer({ id: message.id, error: error.message }),
      );
    },
  );
  return {
    smtpPort: ends.first.smtpPort,
    endpoint: ends.first.endpoint,
    ...(ends.pid !== undefined ? { pid: ends.pid } : {}),
    close: ends.close,
  };
}
