import OpenAI from 'openai';
import {
  ModelAnswerError,
  type ModelClient,
  type ModelClientOptions,
  type ModelRequest,
} from './model-client.ts';

/** Any OpenAI-compatible chat completions server: OpenAI, Ollama, vLLM, llama.cpp. */
export class OpenAiModelClient implements ModelClient {
  readonly provider = 'openai' as const;
  readonly model: string;
  private readonly client: OpenAI;

  constructor(options: ModelClientOptions & { apiKey?: string; baseUrl?: string }) {
    this.model = options.model;
    // Local servers take any key; the SDK insists on one.
    this.client = new OpenAI({
      apiKey: options.apiKey ?? 'not-needed',
      ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
    });
  }

  async complete(request: ModelRequest): Promise<string> {
    const completion = await this.client.chat.completions.create({
      model: this.model,
      max_tokens: request.maxTokens,
      temperature: 0.3,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: request.user },
      ],
    });
    const text = completion.choices[0]?.message?.content ?? '';
    if (!text) throw new ModelAnswerError('the server returned no message content');
    return text;
  }
}
