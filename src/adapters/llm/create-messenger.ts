import type { Messenger } from '../../ports.ts';
import { AnthropicModelClient } from './anthropic-model-client.ts';
import { BedrockModelClient } from './bedrock-model-client.ts';
import { LlmMessenger } from './llm-messenger.ts';
import type { LlmSettings } from './llm-settings.ts';
import { OpenAiModelClient } from './openai-model-client.ts';
import { TemplateMessenger } from './template-messenger.ts';

/** The messenger the settings choose: templates, or a model behind the LLM messenger. */
export function createMessenger(settings: LlmSettings, region: string): Messenger {
  const common = { timeoutMs: settings.LLM_TIMEOUT_MS, maxRetries: settings.LLM_MAX_RETRIES };
  switch (settings.LLM_PROVIDER) {
    case 'none':
      return new TemplateMessenger();
    case 'bedrock':
      return new LlmMessenger(
        new BedrockModelClient({
          ...common,
          model: settings.BEDROCK_MODEL_ID,
          region,
          ...(settings.AWS_ENDPOINT_URL_BEDROCK_RUNTIME
            ? { endpoint: settings.AWS_ENDPOINT_URL_BEDROCK_RUNTIME }
            : {}),
        }),
        settings.LLM_CONCURRENCY,
      );
    case 'anthropic':
      return new LlmMessenger(
        new AnthropicModelClient({
          ...common,
          model: settings.LLM_MODEL ?? 'claude-haiku-4-5',
          apiKey: settings.ANTHROPIC_API_KEY ?? '',
          ...(settings.ANTHROPIC_BASE_URL ? { baseUrl: settings.ANTHROPIC_BASE_URL } : {}),
        }),
        settings.LLM_CONCURRENCY,
      );
    case 'openai':
      return new LlmMessenger(
        new OpenAiModelClient({
          ...common,
          model: settings.LLM_MODEL ?? 'gpt-4o-mini',
          ...(settings.OPENAI_API_KEY ? { apiKey: settings.OPENAI_API_KEY } : {}),
          ...(settings.OPENAI_BASE_URL ? { baseUrl: settings.OPENAI_BASE_URL } : {}),
        }),
        settings.LLM_CONCURRENCY,
      );
  }
}
