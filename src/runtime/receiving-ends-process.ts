/**
 * The receiving ends (embedded mailbox, loopback carrier) as a process of their own, forked by
 * startReceivingEndsInOwnProcess: parsing the MIME of tens of thousands of e-mails and serving the
 * carrier's HTTP run beside the runtime instead of on its event loop, as a real mail server and
 * phone network do. Each received message goes to the parent over the IPC channel and is answered
 * only once the parent acknowledged it (accepted means kept); it stops when that channel closes.
 */
import type { ReceivedEmail } from '../adapters/local/smtp/embedded-smtp-server.ts';
import { type ReceivingEndsSettings, startReceivingEnds } from './receiving-ends.ts';
import type { ChildMessage, ParentMessage } from './receiving-ends-protocol.ts';

const settings = JSON.parse(process.argv[2] ?? '{}') as ReceivingEndsSettings;
const send = (message: ChildMessage) => {
  if (process.connected) process.send?.(message);
};
const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
let next = 0;
const handOver =
  <T>(kind: 'mail' | 'handset') =>
  (item: T) =>
    new Promise<void>((resolve, reject) => {
      if (!process.connected) return reject(new Error('the runtime is gone'));
      const id = next++;
      waiting.set(id, { resolve, reject });
      send({ type: kind, id, item } as ChildMessage);
    });
process.on('message', (message: ParentMessage) => {
  const waiter = waiting.get(message.id);
  waiting.delete(message.id);
  if (message.error === undefined) waiter?.resolve();
  else waiter?.reject(new Error(message.error));
});
const ends = await startReceivingEnds(settings, {
  mail: handOver<ReceivedEmail>('mail'),
  handset: handOver('handset'),
  receipt: (receipt) => send({ type: 'receipt', receipt }),
});
send({ type: 'ready', smtpPort: ends.smtpPort, endpoint: ends.endpoint });
process.once('disconnect', () => {
  for (const waiter of waiting.values()) waiter.reject(new Error('the runtime is gone'));
  waiting.clear();
  ends.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('the mailbox and carrier did not close cleanly:', error);
      process.exit(1);
    },
  );
});
