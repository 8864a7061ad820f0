import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MessageSegment } from '../../src/domain/messaging/message-segment.ts';
import { templateFor } from '../../src/domain/messaging/message-templates.ts';
import { languagePack } from '../../src/domain/messaging/templates/language-packs.ts';

export type Protocol = 'bedrock' | 'anthropic' | 'openai';
/**
 * good: a valid template in the asked language; malformed: not JSON; slow: answers after the
 * client gave up; failing: 5xx; rule-breaking: promises a refund; wrong-language: answers in
 * English when asked for another language (and in Spanish when asked for English); bare-sms:
 * an SMS without the tier and assistance sentences; promises-600: keeps the template and adds a
 * €600 compensation promise of its own to the e-mail and the SMS.
 */
export type Behaviour =
  | 'good'
  | 'malformed'
  | 'slow'
  | 'failing'
  | 'rule-breaking'
  | 'wrong-language'
  | 'bare-sms'
  | 'promises-600';

export interface FakeModelServer {
  url: string;
  requests: Array<{ path: string; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** What a "model" writes for the segment in the prompt: the template, in its own words. */
function answerFor(prompt: string, behaviour: Behaviour): string {
  const asked = JSON.parse(/Segment: (\{.*\})/.exec(prompt)?.[1] ?? '{}') as MessageSegment;
  const other: MessageSegment['language'] = asked.language === 'en' ? 'es' : 'en';
  const segment = behaviour === 'wrong-language' ? { ...asked, language: other } : asked;
  const template = templateFor(segment);
  const pack = languagePack(segment.language);
  const sms = behaviour === 'bare-sms' ? pack.severities[segment.severity].sms : template.sms_body;
  const written = {
    ...(segment.channels !== 'SMS'
      ? {
          email_subject: template.email_subject,
          email_body: template.email_body.replace(pack.signOff, `${pack.signOff}, FlightPulse`),
        }
      : {}),
    ...(segment.channels !== 'EMAIL' ? { sms_body: sms } : {}),
  };
  if (behaviour === 'rule-breaking') {
    return JSON.stringify({
      ...written,
      email_body: `${written.email_body ?? ''} You will receive a full refund.`,
      sms_body: `${written.sms_body ?? ''} Refund guaranteed.`,
    });
  }
  if (behaviour === 'promises-600') {
    return JSON.stringify({
      ...written,
      ...(written.email_body
        ? { email_body: `${written.email_body}\n\nWe will pay you €600 in compensation.` }
        : {}),
      ...(written.sms_body ? { sms_body: `${written.sms_body} €600 owed.` } : {}),
    });
  }
  if (behaviour === 'malformed')
    return 'Certainly! Here is a lovely message for {{first_name}} about the delay.';
  return `\`\`\`json\n${JSON.stringify(written, null, 2)}\n\`\`\``;
}

function promptOf(protocol: Protocol, body: Record<string, unknown>): string {
  switch (protocol) {
    case 'bedrock':
      return (
        (body.messages as Array<{ content: Array<{ text: string }> }>)[0]?.content[0]?.text ?? ''
      );
    case 'anthropic':
      return String((body.messages as Array<{ content: string }>)[0]?.content ?? '');
    case 'openai':
      return String(
        (body.messages as Array<{ role: string; content: string }>).find((m) => m.role === 'user')
          ?.content ?? '',
      );
  }
}

function respond(protocol: Protocol, text: string): Record<string, unknown> {
  switch (protocol) {
    case 'bedrock':
      return {
        output: { message: { role: 'assistant', content: [{ text }] } },
        stopReason: 'end_turn',
        usage: { inputTokens: 200, outputTokens: 300, totalTokens: 500 },
        metrics: { latencyMs: 5 },
      };
    case 'anthropic':
      return {
        id: 'msg_fake',
        type: 'message',
        role: 'assistant',
        model: 'claude-haiku-4-5',
        content: [{ type: 'text', text }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 200, output_tokens: 300 },
      };
    case 'openai':
      return {
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: 1_700_000_000,
        model: 'fake',
        choices: [
          { index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 200, completion_tokens: 300, total_tokens: 500 },
      };
  }
}

const PATHS: Record<Protocol, RegExp> = {
  bedrock: /^\/model\/[^/]+\/converse$/,
  anthropic: /^\/v1\/messages$/,
  openai: /^\/v1\/chat\/completions$/,
};

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

/** A loopback server speaking one provider's wire protocol, answering as `behaviour` says. */
export async function startFakeModelServer(
  protocol: Protocol,
  behaviour: Behaviour,
): Promise<FakeModelServer> {
  const requests: FakeModelServer['requests'] = [];
  const server = createServer(async (request, response) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const body = await readBody(request);
    if (request.method !== 'POST' || !PATHS[protocol].test(decodeURIComponent(path))) {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: `no route ${path}` }));
      return;
    }
    requests.push({ path, body });
    if (behaviour === 'failing') {
      const headers = {
        'content-type': 'application/json',
        'x-amzn-errortype': 'InternalServerException',
      };
      response.writeHead(500, headers).end(
        JSON.stringify({
          message: 'model overloaded',
          error: { type: 'api_error', message: 'model overloaded' },
        }),
      );
      return;
    }
    if (behaviour === 'slow') await new Promise((resolve) => setTimeout(resolve, SLOW_ANSWER_MS));
    if (response.destroyed) return;
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(respond(protocol, answerFor(promptOf(protocol, body), behaviour))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${protocol === 'openai' ? '/v1' : ''}`;
  return {
    url,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** How long a 'slow' model takes to answer. */
const SLOW_ANSWER_MS = 4500;

/** The environment that points FlightPulse's provider at the fake server. */
export function providerEnv(protocol: Protocol, url: string): Record<string, string> {
  const common = {
    LLM_PROVIDER: protocol,
    // Well above a good answer on a loaded machine (a timeout retries, and the wire then carries a
    // segment twice), well below a slow one.
    LLM_TIMEOUT_MS: String(SLOW_ANSWER_MS / 3),
    LLM_MAX_RETRIES: '1',
    LLM_CONCURRENCY: '8',
  };
  switch (protocol) {
    case 'bedrock':
      return {
        ...common,
        AWS_ENDPOINT_URL_BEDROCK_RUNTIME: url,
        AWS_ACCESS_KEY_ID: 'fake',
        AWS_SECRET_ACCESS_KEY: 'fake',
      };
    case 'anthropic':
      return { ...common, ANTHROPIC_BASE_URL: url, ANTHROPIC_API_KEY: 'fake-key' };
    case 'openai':
      return { ...common, OPENAI_BASE_URL: url, LLM_MODEL: 'llama3.2' };
  }
}
