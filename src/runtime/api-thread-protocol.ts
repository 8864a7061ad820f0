import * as dynamodb from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { FeedProducer } from '../ports.ts';
import type { Config } from './config.ts';

/** What the API's thread is given at start: plain data, cloned into the thread. */
export interface ApiThreadSettings {
  config: Config;
  /** The store the thread reads directly (the runtime's dynalite unless DYNAMODB_ENDPOINT). */
  endpoint: string;
  hostname: string;
  port: number;
}

/** An HTTP request the thread hands the runtime to answer, as plain data. */
export interface RelayedRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: ArrayBuffer | undefined;
  /** The caller's socket (sign-in trusts only callers on this machine). */
  remote: { address?: string; port?: number; family?: string };
}

/** The runtime's answer to a relayed request; its body follows as `chunk` messages. */
export interface RelayedHead {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  hasBody: boolean;
}

/** The store writes the thread hands the runtime, by the document client's command names. */
export const WRITE_COMMANDS = {
  PutCommand,
  UpdateCommand,
  DeleteCommand,
  BatchWriteCommand,
  TransactWriteCommand,
} as const;
export type WriteCommandName = keyof typeof WRITE_COMMANDS;

/** What the thread asks of the runtime. */
export type RuntimeCall =
  | { kind: 'relay'; stream: number; request: RelayedRequest }
  | { kind: 'write'; command: WriteCommandName; input: unknown }
  | { kind: 'produce'; records: Parameters<FeedProducer['produce']>[0] }
  | { kind: 'erased'; passengerId: string };

/** Messages from the thread to the runtime. */
export type FromThread =
  | { type: 'ready'; port: number }
  /** It could not listen (the port is taken, say): it stops. */
  | { type: 'failed'; message: string; code: string | undefined; syscall: string | undefined }
  | { type: 'call'; id: number; call: RuntimeCall }
  /** The caller of a relayed request went away: stop reading its body. */
  | { type: 'cancel'; stream: number };

/** Messages from the runtime to the thread. */
export type ToThread =
  | { type: 'reply'; id: number; result?: unknown; error?: SerializedError }
  | { type: 'chunk'; stream: number; bytes: Uint8Array }
  | { type: 'end'; stream: number; error?: string }
  | { type: 'close' };

/** An error as it crosses threads: its class name and its own fields (a store error's reasons). */
export interface SerializedError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === '$response' || typeof value === 'function') continue;
    try {
      fields[key] = structuredClone(value);
    } catch {
      // A field that cannot cross (a socket, say) stays behind.
    }
  }
  return { name: error.name, message: error.message, fields };
}

/**
 * The error again, of the same class when the store's client exports it: the stores tell a
 * failed condition from other failures with `instanceof`, on whichever thread they run.
 */
export function deserializeError({ name, message, fields }: SerializedError): Error {
  const Exception = (dynamodb as Record<string, unknown>)[name];
  if (
    typeof Exception === 'function' &&
    Exception.prototype instanceof dynamodb.DynamoDBServiceException
  ) {
    const Service = Exception as new (options: Record<string, unknown>) => Error;
    return new Service({ message, $metadata: {}, ...fields });
  }
  return Object.assign(new Error(message), { ...fields, name });
}
