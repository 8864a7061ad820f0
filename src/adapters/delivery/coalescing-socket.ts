import { Socket } from 'node:net';
import type { Readable } from 'node:stream';

/**
 * A TCP socket that holds the chunks of a stream piped into it until the stream ends (or a
 * buffer's worth is waiting), then writes them in one system call. An SMTP client streams each
 * message as a dozen chunks, one per turn of the event loop (headers, boundaries, parts, the final
 * dot); written one by one, each is a system call and wakes the server to read a fragment.
 */
export class CoalescingSocket extends Socket {
  private holding = false;

  constructor() {
    super();
    // Socket resets `write` on connect, so the chunks are watched from the source's side.
    this.on('pipe', (source: Readable) => {
      if (this.holding) return;
      this.holding = true;
      this.cork();
      const release = () => {
        source.off('data', whenFull);
        this.off('unpipe', release);
        if (!this.holding) return;
        this.holding = false;
        this.uncork();
      };
      // Held, a full buffer could never drain, and the pipe waits for 'drain' once it is full:
      // the rest of a large message goes as it comes. (Runs after the pipe's own write.)
      const whenFull = () => {
        if (this.writableLength >= this.writableHighWaterMark) release();
      };
      source.on('data', whenFull);
      this.on('unpipe', release);
    });
  }
}

/** Connects a CoalescingSocket, failing if it is not connected within `timeoutMs`. */
export function connectCoalescing(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = new CoalescingSocket();
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`connection to ${host}:${port} timed out`)));
    socket.once('error', fail);
    socket.connect(port, host, () => {
      socket.setTimeout(0);
      socket.off('error', fail);
      resolve(socket);
    });
  });
}
