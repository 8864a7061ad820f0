/**
 * The API's own thread (started by api-thread.ts): the REST API served from an event loop and a
 * heap of its own, as API Gateway and Lambda serve it in AWS beside the workflows. It reads the
 * table itself; its writes, the feed, and every route it does not have (the console, sign-in,
 * offers, weather, the inboxes) it hands the runtime.
 */
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { Logger } from '@aws-lambda-powertools/logger';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Http2Bindings, type HttpBindings, serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { PatternRouter } from 'hono/router/pattern-router';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../adapters/dynamodb/document-client.ts';
import { SingleTable } from '../adapters/dynamodb/single-table.ts';
import { openLocalIdentity } from '../adapters/identity/local-identity.ts';
import { LogFileScrubber } from '../adapters/local/cloudwatch/log-file-scrubber.ts';
import { unsignedForLocalEndpoint } from '../adapters/local/unsigned-requests.ts';
import { createApiApp } from '../api/app.ts';
import type { Clock } from '../ports.ts';
import {
  type ApiThreadSettings,
  deserializeError,
  type FromThread,
  type RelayedHead,
  type RuntimeCall,
  type ToThread,
  WRITE_COMMANDS,
  type WriteCommandName,
} from './api-thread-protocol.ts';
import { logsDirOf, publicUrlOf } from './config.ts';
import { apiStores, storesOver } from './runtime-store.ts';

const port = parentPort as NonNullable<typeof parentPort>;
const settings = workerData as ApiThreadSettings;
const clock: Clock = { now: () => new Date().toISOString() };

const post = (message: FromThread) => port.postMessage(message);
const replies = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
const bodies = new Map<number, ReadableStreamDefaultController<Uint8Array>>();
let calls = 0;
let streams = 0;

function ask<T>(call: RuntimeCall): Promise<T> {
  const id = ++calls;
  return new Promise<T>((resolve, reject) => {
    replies.set(id, { resolve: resolve as (value: unknown) => void, reject });
    post({ type: 'call', id, call });
  });
}

/**
 * The runtime is the table's one writer: its change-feed tap knows each item's last image only
 * while every write goes through it, and its store lanes order the writes. Reads go direct; a
 * command that is neither a known read nor a known write is refused rather than sent around it.
 */
function writeThroughRuntime(doc: DynamoDBDocumentClient): void {
  const send = doc.send.bind(doc) as (command: unknown) => Promise<unknown>;
  const reads = new Set<unknown>([GetCommand, BatchGetCommand, QueryCommand, ScanCommand]);
  const writes = new Map<unknown, WriteCommandName>(
    Object.entries(WRITE_COMMANDS).map(([name, Command]) => [Command, name as WriteCommandName]),
  );
  (doc as { send: unknown }).send = async (command: { constructor: unknown; input: unknown }) => {
    if (reads.has(command.constructor)) return send(command);
    const name = writes.get(command.constructor);
    if (!name)
      throw new Error(
        `the API thread reads with Get, BatchGet, Query and Scan and writes through the runtime; ${String((command.constructor as { name?: string }).name)} is neither`,
      );
    return ask({ kind: 'write', command: name, input: command.input });
  };
}

/** A request the thread has no route for, answered by the runtime; its body streams back. */
async function relay(request: Request, env: HttpBindings | Http2Bindings): Promise<Response> {
  const stream = ++streams;
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => void bodies.set(stream, controller),
    cancel: () => {
      bodies.delete(stream);
      post({ type: 'cancel', stream });
    },
  });
  // The caller's address before anything is awaited: its socket may be gone after the body.
  const socket = env.incoming.socket;
  const remote = {
    ...(socket.remoteAddress !== undefined ? { address: socket.remoteAddress } : {}),
    ...(socket.remotePort !== undefined ? { port: socket.remotePort } : {}),
    ...(socket.remoteFamily !== undefined ? { family: socket.remoteFamily } : {}),
  };
  try {
    const head = await ask<RelayedHead>({
      kind: 'relay',
      stream,
      request: {
        method: request.method,
        url: request.url,
        headers: [...request.headers],
        body: ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer(),
        remote,
      },
    });
    if (!head.hasBody) bodies.delete(stream);
    return new Response(head.hasBody ? body : null, head);
  } catch (error) {
    bodies.delete(stream);
    throw error;
  }
}

/** The routes this thread answers itself: the API's own, but its document (it lists them all). */
function ownRoutes(app: Hono) {
  const router = new PatternRouter<true>();
  for (const route of app.routes)
    if (route.method !== 'ALL' && route.path !== '/openapi.json')
      router.add(route.method, route.path, true);
  // Hono answers HEAD with the GET route.
  return (method: string, path: string) =>
    router.match(method === 'HEAD' ? 'GET' : method, path)[0].length > 0;
}

port.on('message', (message: ToThread) => {
  switch (message.type) {
    case 'reply': {
      const waiting = replies.get(message.id);
      replies.delete(message.id);
      if (message.error) waiting?.reject(deserializeError(message.error));
      else waiting?.resolve(message.result);
      return;
    }
    case 'chunk':
      bodies.get(message.stream)?.enqueue(message.bytes);
      return;
    case 'end': {
      const controller = bodies.get(message.stream);
      bodies.delete(message.stream);
      if (message.error) controller?.error(new Error(message.error));
      else controller?.close();
      return;
    }
    case 'close':
      close();
  }
});

const { config } = settings;
const client = createDynamoDbClient({ endpoint: settings.endpoint, region: config.AWS_REGION });
if (!config.DYNAMODB_ENDPOINT) unsignedForLocalEndpoint(client);
const doc = createDocumentClient(client);
writeThroughRuntime(doc);
const identity = await openLocalIdentity(config.FLIGHTPULSE_DATA_DIR, clock, publicUrlOf(config));
const app = createApiApp({
  ...apiStores(storesOver(new SingleTable(doc, config.TABLE_NAME), config)),
  verifier: identity.verifier,
  jwks: () => identity.issuer.jwks(),
  logScrubber: new LogFileScrubber(logsDirOf(config)),
  // The erasure's answer waits until the runtime's live views forgot the passenger too.
  onErased: (passengerId) => ask({ kind: 'erased', passengerId }),
  feed: { produce: (records) => ask({ kind: 'produce', records }) },
  clock,
  log: new Logger({ serviceName: 'flightpulse-api', logLevel: config.LOG_LEVEL }),
});
const owns = ownRoutes(app);
const server = serve(
  {
    fetch: (request: Request, env: HttpBindings | Http2Bindings) =>
      owns(request.method, new URL(request.url).pathname)
        ? app.fetch(request, env)
        : relay(request, env),
    port: settings.port,
    hostname: settings.hostname,
  },
  (info: AddressInfo) => post({ type: 'ready', port: info.port }),
);
server.once('error', (error: NodeJS.ErrnoException) => {
  post({ type: 'failed', message: error.message, code: error.code, syscall: error.syscall });
  close();
});

function close(): void {
  server.close();
  (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  client.destroy();
  port.close();
}
