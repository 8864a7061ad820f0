import * as DynamoDb from '@aws-sdk/client-dynamodb';
import type { BusEntry } from '../../../domain/event-routing/bus-events.ts';
import type { EventPublisher } from '../../../ports.ts';

/** A Lambda handler as the executor calls it: payload in, result out. */
export type LocalFunction = (payload: unknown) => Promise<unknown>;

export interface TaskResourceDeps {
  functions: ReadonlyMap<string, LocalFunction>;
  dynamodb: DynamoDb.DynamoDBClient;
  bus: EventPublisher;
  /** Where `sqs:sendMessage` delivers locally (the workflow dead-letter queue). */
  sendMessage: (queueUrl: string, body: unknown) => Promise<void>;
}

export class UnsupportedResourceError extends Error {
  override name = 'UnsupportedResourceError';
}

/** An error with the name Step Functions gives it, so Retry and Catch match as in AWS. */
class TaskError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const OPTIMISED_DYNAMODB = new Set(['getItem', 'putItem', 'updateItem', 'deleteItem']);

/**
 * Resolves a Task state's Resource generically, so no state needs a hand-written override:
 * `lambda:invoke` → the registered handler, answering `{ Payload }`; `aws-sdk:dynamodb:*` and
 * `dynamodb:*` → the DynamoDB API with the same parameters and response; `events:putEvents` →
 * the local bus; `sqs:sendMessage` → the local dead-letter sink.
 */
export function taskResolver(
  resource: string,
  deps: TaskResourceDeps,
): (params: unknown) => Promise<unknown> {
  if (resource === 'arn:aws:states:::lambda:invoke') {
    return async (params) => {
      const { FunctionName, Payload } = params as { FunctionName: string; Payload: unknown };
      const fn = lambdaFunction(FunctionName, deps);
      return { StatusCode: 200, ExecutedVersion: '$LATEST', Payload: await fn(Payload) };
    };
  }
  if (/^arn:aws:lambda:[^:]*:[^:]*:function:/.test(resource)) {
    const fn = lambdaFunction(resource, deps);
    return (params) => fn(params);
  }
  const sdk = /^arn:aws:states:::aws-sdk:dynamodb:([a-zA-Z]+)$/.exec(resource);
  if (sdk?.[1]) return dynamoDbAction(sdk[1], 'DynamoDb', deps);
  const optimised = /^arn:aws:states:::dynamodb:([a-zA-Z]+)$/.exec(resource);
  if (optimised?.[1] && OPTIMISED_DYNAMODB.has(optimised[1])) {
    return dynamoDbAction(optimised[1], 'DynamoDB', deps);
  }
  if (resource === 'arn:aws:states:::events:putEvents') {
    return async (params) => {
      const { Entries } = params as {
        Entries: Array<{ Source: string; DetailType: string; Detail: unknown }>;
      };
      const entries: BusEntry[] = Entries.map((e) => ({
        source: e.Source,
        detailType: e.DetailType,
        detail: (typeof e.Detail === 'string' ? JSON.parse(e.Detail) : e.Detail) as Record<
          string,
          unknown
        >,
      }));
      await deps.bus.publish(entries);
      return {
        FailedEntryCount: 0,
        Entries: entries.map(() => ({ EventId: crypto.randomUUID() })),
      };
    };
  }
  if (resource === 'arn:aws:states:::sqs:sendMessage') {
    return async (params) => {
      const { QueueUrl, MessageBody } = params as { QueueUrl: string; MessageBody: unknown };
      await deps.sendMessage(
        QueueUrl,
        typeof MessageBody === 'string' ? JSON.parse(MessageBody) : MessageBody,
      );
      return { MessageId: crypto.randomUUID() };
    };
  }
  throw new UnsupportedResourceError(`no local implementation for Task resource ${resource}`);
}

function lambdaFunction(nameOrArn: string, deps: TaskResourceDeps): LocalFunction {
  const name = nameOrArn.replace(/^arn:aws:lambda:[^:]*:[^:]*:function:/, '').split(':')[0] ?? '';
  const fn = deps.functions.get(name);
  if (!fn) throw new UnsupportedResourceError(`no local function registered as ${name}`);
  return fn;
}

function dynamoDbAction(action: string, errorPrefix: string, deps: TaskResourceDeps) {
  const commandName = `${action[0]?.toUpperCase()}${action.slice(1)}Command`;
  const Command = (DynamoDb as unknown as Record<string, unknown>)[commandName] as
    | (new (
        input: never,
      ) => DynamoDb.ScanCommand)
    | undefined;
  if (!Command) throw new UnsupportedResourceError(`DynamoDB has no action ${action}`);
  return async (params: unknown) => {
    try {
      const { $metadata: _metadata, ...response } = (await deps.dynamodb.send(
        new Command(params as never),
      )) as unknown as Record<string, unknown>;
      return response;
    } catch (error) {
      if (error instanceof Error)
        throw new TaskError(`${errorPrefix}.${error.name}`, error.message);
      throw error;
    }
  };
}
