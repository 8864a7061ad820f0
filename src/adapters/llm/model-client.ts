/** One request to a language model: a system prompt and a user prompt, text back. */
export interface ModelRequest {
  system: string;
  user: string;
  maxTokens: number;
}

/** A provider's wire protocol behind one call. Timeouts and retries are the client's job. */
export interface ModelClient {
  readonly provider: 'bedrock' | 'anthropic' | 'openai';
  readonly model: string;
  complete(request: ModelRequest): Promise<string>;
}

export class ModelAnswerError extends Error {
  override name = 'ModelAnswerError';
}

export interface ModelClientOptions {
  model: string;
  timeoutMs: number;
  maxRetries: number;
}
