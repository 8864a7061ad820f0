import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedHandsetMessage } from '../../../ports/passenger-inboxes.ts';

/** A message as the passenger's phone or device received it. */
export type HandsetMessage = ReceivedHandsetMessage;

/** A delivery receipt in the shape End User Messaging SMS event destinations publish. */
export interface SmsReceipt {
  eventType: 'TEXT_DELIVERED' | 'TEXT_CARRIER_UNREACHABLE';
  eventVersion: '1.0';
  eventTimestamp: number;
  isFinal: true;
  destinationPhoneNumber: string;
  messageStatus: 'DELIVERED' | 'CARRIER_UNREACHABLE';
  messageStatusDescription: string;
  messageId: string;
  /** What the message was sent with (`Context`), handed back as the service's records do. */
  context?: Record<string, string>;
}

export interface CarrierFaults {
  /** Numbers that opted out or cannot take SMS: refused at once (ConflictException). */
  refuse?: (phone: string) => boolean;
  /** Numbers accepted, then reported unreachable by the carrier (an asynchronous bounce). */
  unreachable?: (phone: string) => boolean;
  /** Push endpoints that are disabled (the app was removed); with the token it was made from. */
  disabledEndpoint?: (endpoint: string, token: string | undefined) => boolean;
  /** Decides, per request, to fail with a throttle or a 500 (transient). */
  transient?: () => boolean;
}

export interface LoopbackCarrier {
  /** Endpoint for the End User Messaging SMS and SNS clients. */
  endpoint: string;
  close(): Promise<void>;
}

/**
 * The phone network, on loopback: speaks the wire protocols of AWS End User Messaging SMS
 * (`PinpointSMSVoiceV2.SendTextMessage`, JSON 1.0) and SNS mobile push (`Publish`, query
 * protocol), so the production adapters run unchanged against it. Received messages go to
 * `onMessage` (the console's phone view); receipts to `onReceipt`, as the carrier reports them.
 */
export async function startLoopbackCarrier(options: {
  /** Keeps a received message; the carrier answers once it resolves (accepted means kept). */
  onMessage: (message: HandsetMessage) => unknown;
  onReceipt: (receipt: SmsReceipt) => void;
  /** A device endpoint was created or its attributes set (enabled or not). */
  onEndpoint?: (endpoint: string, enabled: boolean) => void;
  faults?: CarrierFaults;
  now?: () => Date;
  /** Messages received before (across a restart): their idempotency keys are remembered. */
  received?: readonly HandsetMessage[];
}): Promise<LoopbackCarrier> {
  const now = options.now ?? (() => new Date());
  const seen = new Map<string, string>();
  for (const m of options.received ?? [])
    if (m.idempotency_key) seen.set(m.idempotency_key, m.message_id);
  // Each endpoint's device token, as the carrier registered it (a removed app bounces by token).
  const tokens = new Map<string, string>();
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => route(request, body, response, { ...options, seen, tokens }, now))
      .catch((error: Error) => send(response, 500, 'text/plain', error.message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Options = Parameters<typeof startLoopbackCarrier>[0] & {
  /** Idempotency key → the message id it was first accepted under. */
  seen: Map<string, string>;
  /** The device token of each endpoint the carrier created. */
  tokens: Map<string, string>;
};

/**
 * Delivers a message unless its idempotency key was accepted before: then the first message id
 * is answered and nothing reaches the handset again (as a provider honouring the key does).
 */
async function deliverOnce(
  message: HandsetMessage,
  options: Options,
): Promise<{ messageId: string; fresh: boolean }> {
  const key = message.idempotency_key;
  const earlier = key ? options.seen.get(key) : undefined;
  if (earlier) return { messageId: earlier, fresh: false };
  if (key) options.seen.set(key, message.message_id);
  try {
    await options.onMessage(message);
  } catch (error) {
    if (key) options.seen.delete(key);
    throw error;
  }
  return { messageId: message.message_id, fresh: true };
}

async function route(
  request: IncomingMessage,
  body: string,
  response: ServerResponse,
  options: Options,
  now: () => Date,
): Promise<void> {
  const target = String(request.headers['x-amz-target'] ?? '');
  const form = new URLSearchParams(body);
  const action = form.get('Action');
  // Device registration is not a delivery: the delivery faults leave it alone.
  if (action === 'CreatePlatformEndpoint') createEndpoint(form, response, options);
  else if (action === 'SetEndpointAttributes') setEndpointAttributes(form, response, options);
  else if (options.faults?.transient?.()) {
    if (target) jsonError(response, 400, 'ThrottlingException', 'rate exceeded');
    else queryError(response, 500, 'InternalError', 'try again');
  } else if (target === 'PinpointSMSVoiceV2.SendTextMessage') {
    await sendText(body, response, options, now);
  } else if (action === 'Publish') {
    await publish(form, response, options, now);
  } else {
    send(response, 400, 'text/plain', `unsupported request ${target || form.get('Action')}`);
  }
}

async function sendText(
  body: string,
  response: ServerResponse,
  options: Options,
  now: () => Date,
): Promise<void> {
  const input = JSON.parse(body) as {
    DestinationPhoneNumber: string;
    MessageBody: string;
    Context?: Record<string, string>;
  };
  const phone = input.DestinationPhoneNumber;
  if (options.faults?.refuse?.(phone)) {
    return jsonError(response, 400, 'ConflictException', 'DESTINATION_PHONE_NUMBER_OPTED_OUT');
  }
  const { messageId, fresh } = await deliverOnce(
    {
      message_id: randomUUID(),
      channel: 'SMS',
      to: phone,
      body: input.MessageBody,
      ...(input.Context?.notification ? { notification_id: input.Context.notification } : {}),
      ...(input.Context?.idempotency_key ? { idempotency_key: input.Context.idempotency_key } : {}),
      received_at: now().toISOString(),
    },
    options,
  );
  send(response, 200, 'application/x-amz-json-1.0', JSON.stringify({ MessageId: messageId }));
  if (!fresh) return;
  const unreachable = options.faults?.unreachable?.(phone) ?? false;
  // The carrier reports after the API answered, as real receipts arrive later.
  setImmediate(() =>
    options.onReceipt({
      eventType: unreachable ? 'TEXT_CARRIER_UNREACHABLE' : 'TEXT_DELIVERED',
      eventVersion: '1.0',
      eventTimestamp: now().getTime(),
      isFinal: true,
      destinationPhoneNumber: phone,
      messageStatus: unreachable ? 'CARRIER_UNREACHABLE' : 'DELIVERED',
      messageStatusDescription: unreachable ? 'Carrier could not reach the handset' : 'Delivered',
      messageId,
      ...(input.Context ? { context: input.Context } : {}),
    }),
  );
}

async function publish(
  form: URLSearchParams,
  response: ServerResponse,
  options: Options,
  now: () => Date,
): Promise<void> {
  const endpoint = form.get('TargetArn') ?? '';
  if (options.faults?.disabledEndpoint?.(endpoint, options.tokens.get(endpoint))) {
    return queryError(response, 400, 'EndpointDisabled', 'Endpoint is disabled');
  }
  const structured = JSON.parse(form.get('Message') ?? '{}') as { default?: string; GCM?: string };
  const gcm = structured.GCM
    ? (JSON.parse(structured.GCM) as {
        notification?: { title?: string };
        data?: { notification_id?: string };
      })
    : {};
  const attributes = messageAttributes(form);
  const notification = attributes.get('flightpulse.notification') ?? gcm.data?.notification_id;
  const key = attributes.get('flightpulse.idempotency_key');
  const { messageId } = await deliverOnce(
    {
      message_id: randomUUID(),
      channel: 'PUSH',
      to: endpoint,
      body: structured.default ?? '',
      ...(gcm.notification?.title ? { title: gcm.notification.title } : {}),
      ...(notification ? { notification_id: notification } : {}),
      ...(key ? { idempotency_key: key } : {}),
      received_at: now().toISOString(),
    },
    options,
  );
  send(
    response,
    200,
    'text/xml',
    `<PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
  );
}

/** SNS query-protocol message attributes (`MessageAttributes.entry.N.Name` / `.Value.StringValue`). */
function messageAttributes(form: URLSearchParams): Map<string, string> {
  const attributes = new Map<string, string>();
  for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n++) {
    const name = form.get(`MessageAttributes.entry.${n}.Name`) ?? '';
    const value = form.get(`MessageAttributes.entry.${n}.Value.StringValue`);
    if (value !== null) attributes.set(name, value);
  }
  return attributes;
}

/**
 * A device token becomes an endpoint under its platform application, named from the token so
 * registering it again answers the same endpoint, as SNS does.
 */
function createEndpoint(form: URLSearchParams, response: ServerResponse, options: Options) {
  const application = form.get('PlatformApplicationArn') ?? '';
  const token = form.get('Token') ?? '';
  const app = /^arn:aws:sns:([^:]+):(\d+):app\/(APNS|APNS_SANDBOX|GCM)\/([\w.-]+)$/.exec(
    application,
  );
  if (!app || !token)
    return queryError(response, 400, 'InvalidParameter', 'PlatformApplicationArn and Token');
  const id = createHash('sha256').update(`${application}|${token}`).digest('hex').slice(0, 32);
  const endpoint = `arn:aws:sns:${app[1]}:${app[2]}:endpoint/${app[3]}/${app[4]}/${id}`;
  options.tokens.set(endpoint, token);
  options.onEndpoint?.(endpoint, true);
  send(
    response,
    200,
    'text/xml',
    `<CreatePlatformEndpointResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/"><CreatePlatformEndpointResult><EndpointArn>${endpoint}</EndpointArn></CreatePlatformEndpointResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></CreatePlatformEndpointResponse>`,
  );
}

function setEndpointAttributes(form: URLSearchParams, response: ServerResponse, options: Options) {
  const endpoint = form.get('EndpointArn') ?? '';
  const enabled = [...form.entries()].some(
    ([key, value]) =>
      key.endsWith('.key') &&
      value === 'Enabled' &&
      form.get(key.replace(/key$/, 'value')) === 'true',
  );
  options.onEndpoint?.(endpoint, enabled);
  send(
    response,
    200,
    'text/xml',
    `<SetEndpointAttributesResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/"><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></SetEndpointAttributesResponse>`,
  );
}

function jsonError(response: ServerResponse, status: number, type: string, message: string) {
  send(response, status, 'application/x-amz-json-1.0', JSON.stringify({ __type: type, message }));
}

function queryError(response: ServerResponse, status: number, code: string, message: string) {
  send(
    response,
    status,
    'text/xml',
    `<ErrorResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );
}

function send(response: ServerResponse, status: number, type: string, body: string) {
  response.writeHead(status, { 'content-type': type, 'x-amzn-requestid': randomUUID() });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
