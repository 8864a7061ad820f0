import Anthropic from '@anthropic-ai/sdk';
import {
  ModelAnswerError,
  type ModelClient,
  type ModelClientOptions,
  type ModelRequest,
} from './model-client.ts';

/** The Anthropic Messages API. */
export class AnthropicModelClient implements ModelClient {
  readonly provider = 'anthropic' as const;
  readonly model: string;
  private readonly client: Anthropic;

  constructor(options: ModelClientOptions & { apiKey: string; baseUrl?: string }) {
    this.model = options.model;
    // The SDK retries 408/409/429/5xx and connection errors with exponential backoff.
    this.client = new Anthropic({
      apiKey: options.apiKey,
      ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
    });
  }

  async complete(request: ModelRequest): Promise<string> {
    const message = await this.client.messages.create({
      model: this.model,
      max_tokens: request.maxTokens,
      system: request.system,
      messages: [{ role: 'user', content: request.user }],
    });
    const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
    if (!text)
      throw new ModelAnswerError(`Anthropic returned no text (stop reason ${message.stop_reason})`);
    return text;
  }
}
