import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import {
  ModelAnswerError,
  type ModelClient,
  type ModelClientOptions,
  type ModelRequest,
} from './model-client.ts';

/** Amazon Bedrock through the Converse API (any model or inference profile id). */
export class BedrockModelClient implements ModelClient {
  readonly provider = 'bedrock' as const;
  readonly model: string;
  private readonly client: BedrockRuntimeClient;

  constructor(options: ModelClientOptions & { region: string; endpoint?: string }) {
    this.model = options.model;
    this.client = new BedrockRuntimeClient({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      // The SDK retries throttling and 5xx with exponential backoff and jitter.
      maxAttempts: options.maxRetries + 1,
      requestHandler: new NodeHttpHandler({
        requestTimeout: options.timeoutMs,
        connectionTimeout: options.timeoutMs,
        // Without this a slow answer only logs a warning; with it the timeout fails the attempt.
        throwOnRequestTimeout: true,
      }),
    });
  }

  async complete(request: ModelRequest): Promise<string> {
    const response = await this.client.send(
      new ConverseCommand({
        modelId: this.model,
        system: [{ text: request.system }],
        messages: [{ role: 'user', content: [{ text: request.user }] }],
        inferenceConfig: { maxTokens: request.maxTokens, temperature: 0.3 },
      }),
    );
    const text = response.output?.message?.content?.map((c) => c.text ?? '').join('') ?? '';
    if (!text)
      throw new ModelAnswerError(`Bedrock returned no text (stop reason ${response.stopReason})`);
    return text;
  }
}
