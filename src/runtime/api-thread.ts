import { Worker } from 'node:worker_threads';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Hono } from 'hono';
import type { FeedProducer, Log } from '../ports.ts';
import {
  type ApiThreadSettings,
  type FromThread,
  type RelayedHead,
  type RelayedRequest,
  type RuntimeCall,
  serializeError,
  type ToThread,
  WRITE_COMMANDS,
} from './api-thread-protocol.ts';

const CLOSE_GRACE_MS = 5000;

/** The API served from a thread of its own (api-thread-worker.ts). */
export interface ApiThread {
  url: string;
  close(): Promise<void>;
}

/** What the thread's calls reach in the runtime. */
export interface ApiThreadRuntime {
  /** The runtime's whole app: it answers the routes the thread does not have. */
  app: Hono;
  /** The runtime's document client: the thread's writes go through it (and its change feed). */
  doc: DynamoDBDocumentClient;
  feed: FeedProducer;
  onErased(passengerId: string): void;
  /** Runs the thread's store writes in the runtime's priority lane, as its own API requests. */
  priority<T>(work: () => Promise<T>): Promise<T>;
  log: Log;
}

/**
 * Starts the API's thread and answers what it asks. A loaded runtime's event loop turns take
 * tens of milliseconds; a request on the thread waits for none of them, only for the store
 * (reads) or, for a write or a relayed route, for the runtime like any other caller.
 */
export async function startApiThread(
  settings: ApiThreadSettings,
  runtime: ApiThreadRuntime,
): Promise<ApiThread> {
  const worker = new Worker(new URL('./api-thread-worker.ts', import.meta.url), {
    workerData: settings,
  });
  const post = (message: ToThread) => worker.postMessage(message);
  const readers = new Map<number, ReadableStreamDefaultReader<Uint8Array>>();
  let serving = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // A thread that stops on its own takes the API with it: say so, and stop feeding its streams.
  void exited.then(() => {
    if (!serving) return;
    runtime.log.error('the API thread stopped; the API is not served');
    for (const reader of readers.values()) void reader.cancel();
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.on('message', (message: FromThread) => {
      if (message.type === 'ready') {
        serving = true;
        return resolve(message.port);
      }
      if (message.type === 'failed')
        return reject(
          Object.assign(new Error(message.message), {
            code: message.code,
            syscall: message.syscall,
          }),
        );
      if (message.type === 'cancel') {
        void readers.get(message.stream)?.cancel();
        readers.delete(message.stream);
        return;
      }
      answer(message.call).then(
        (result) => post({ type: 'reply', id: message.id, result }),
        (error: unknown) => post({ type: 'reply', id: message.id, error: serializeError(error) }),
      );
    });
    worker.once('error', (error) => {
      runtime.log.error('the API thread failed', { error });
      reject(error);
    });
    void exited.then(() => reject(new Error('the API thread exited before listening')));
  });

  async function answer(call: RuntimeCall): Promise<unknown> {
    switch (call.kind) {
      case 'write': {
        const Command = WRITE_COMMANDS[call.command] as unknown as new (
          input: unknown,
        ) => Parameters<DynamoDBDocumentClient['send']>[0];
        return runtime.priority(() => runtime.doc.send(new Command(call.input)));
      }
      case 'produce':
        return runtime.feed.produce(call.records);
      case 'erased':
        return runtime.onErased(call.passengerId);
      case 'relay':
        return relay(runtime.app, call, readers, post);
    }
  }

  return {
    url: `http://${settings.hostname}:${port}`,
    async close() {
      serving = false;
      for (const reader of readers.values()) void reader.cancel();
      post({ type: 'close' });
      // The thread ends once its server and store client are closed; whatever else keeps it
      // alive (a request the runtime never answered) is not worth a hung shutdown.
      const stuck = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
      await exited;
      clearTimeout(stuck);
    },
  };
}

/** Answers a request with the runtime's app; the body follows the head as it is read. */
async function relay(
  app: Hono,
  { stream, request }: { stream: number; request: RelayedRequest },
  readers: Map<number, ReadableStreamDefaultReader<Uint8Array>>,
  post: (message: ToThread) => void,
): Promise<RelayedHead> {
  const { remote } = request;
  const response = await app.fetch(
    new Request(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body ? { body: request.body } : {}),
    }),
    // What getConnInfo reads, as the Node server would give it.
    {
      incoming: {
        socket: {
          remoteAddress: remote.address,
          remotePort: remote.port,
          remoteFamily: remote.family,
        },
      },
    },
  );
  const reader = response.body?.getReader();
  if (reader) {
    readers.set(stream, reader);
    void pump(stream, reader, post).finally(() => readers.delete(stream));
  }
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    hasBody: reader !== undefined,
  };
}

async function pump(
  stream: number,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  post: (message: ToThread) => void,
): Promise<void> {
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      post({ type: 'chunk', stream, bytes: value });
    }
    post({ type: 'end', stream });
  } catch (error) {
    post({ type: 'end', stream, error: (error as Error).message });
  }
}
