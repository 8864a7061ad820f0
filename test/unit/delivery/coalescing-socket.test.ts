import { createServer, type Server, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCoalescing } from '../../../src/adapters/delivery/coalescing-socket.ts';
import { closedPort } from '../../support/closed-port.ts';

let server: Server;
let port: number;
const received = new Map<number, Buffer[]>();
const peers = new Set<Socket>();

beforeAll(async () => {
  server = createServer((peer) => {
    const chunks: Buffer[] = [];
    received.set(peer.remotePort ?? 0, chunks);
    peers.add(peer);
    peer.on('data', (chunk: Buffer) => chunks.push(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A stream yielding each chunk in a turn of the event loop of its own, as a MIME builder does. */
function chunkedStream(chunks: string[]): Readable {
  return Readable.from(
    (async function* () {
      for (const chunk of chunks) {
        await new Promise((resolve) => setImmediate(resolve));
        yield Buffer.from(chunk);
      }
    })(),
  );
}

/** Counts the socket's system-call-level writes (one per `_write` or `_writev`). */
function countWrites(socket: Socket): () => number {
  let writes = 0;
  const one = socket._write.bind(socket);
  const many = socket._writev?.bind(socket);
  socket._write = (...args) => {
    writes++;
    one(...args);
  };
  if (many)
    socket._writev = (...args) => {
      writes++;
      many(...args);
    };
  return () => writes;
}

function pipeAll(stream: Readable, socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('end', () => setImmediate(resolve));
    stream.once('error', reject);
    stream.pipe(socket, { end: false });
  });
}

async function bytesAtServer(socket: Socket, length: number): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const chunks = received.get(socket.localPort ?? -1) ?? [];
    const text = Buffer.concat(chunks).toString();
    if (text.length >= length) return text;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the server did not receive everything');
}

describe('a socket that holds a piped stream until it ends', () => {
  it('writes a dozen chunks from a dozen turns in one system call, where a plain socket makes twelve', async () => {
    const parts = Array.from({ length: 12 }, (_, i) => `part ${i}\r\n`);
    const coalescing = await connectCoalescing('127.0.0.1', port, 1000);
    const writesCoalesced = countWrites(coalescing);
    await pipeAll(chunkedStream(parts), coalescing);

    const plain = await new Promise<Socket>((resolve) => {
      const s = new Socket();
      s.connect(port, '127.0.0.1', () => resolve(s));
    });
    const writesPlain = countWrites(plain);
    await pipeAll(chunkedStream(parts), plain);

    expect(await bytesAtServer(coalescing, parts.join('').length)).toBe(parts.join(''));
    expect(await bytesAtServer(plain, parts.join('').length)).toBe(parts.join(''));
    expect(writesCoalesced()).toBe(1);
    expect(writesPlain()).toBe(12);
    coalescing.destroy();
    plain.destroy();
  });

  it('lets a stream larger than its buffer through whole and in order', async () => {
    const parts = Array.from(
      { length: 100 },
      (_, i) => `${String(i).padStart(3, '0')}${'x'.repeat(1021)}`,
    );
    const socket = await connectCoalescing('127.0.0.1', port, 1000);
    const writes = countWrites(socket);
    await pipeAll(chunkedStream(parts), socket);
    // Then a command written on its own goes out at once, not held.
    socket.write('QUIT\r\n');
    const expected = `${parts.join('')}QUIT\r\n`;
    expect(await bytesAtServer(socket, expected.length)).toBe(expected);
    expect(writes()).toBeGreaterThan(1);
    socket.destroy();
  });

  it('fails to connect where nothing listens', async () => {
    await expect(connectCoalescing('127.0.0.1', await closedPort(), 1000)).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
