import type { Messenger } from '../../ports.ts';
import { LlmMessenger } from './llm-messenger.ts';
import type { LlmSettings } from './llm-settings.ts';
import type { ModelClient } from './model-client.ts';
import { TemplateMessenger } from './template-messenger.ts';

/** The messenger the settings choose: templates, or a model behind the LLM messenger. */
export async function createMessenger(settings: LlmSettings, region: string): Promise<Messenger> {
  const client = await modelClient(settings, region);
  return client ? new LlmMessenger(client, settings.LLM_CONCURRENCY) : new TemplateMessenger();
}

/**
 * The provider's client, or none for templates. Only the chosen provider's SDK is loaded: each
 * is several megabytes of heap that a process using another (or templates) would carry for nothing.
 */
async function modelClient(
  settings: LlmSettings,
  region: string,
): Promise<ModelClient | undefined> {
  const common = { timeoutMs: settings.LLM_TIMEOUT_MS, maxRetries: settings.LLM_MAX_RETRIES };
  const endpoint = settings.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
  switch (settings.LLM_PROVIDER) {
    case 'none':
      return undefined;
    case 'bedrock': {
      const { BedrockModelClient } = await import('./bedrock-model-client.ts');
      return new BedrockModelClient({
        ...common,
        model: settings.BEDROCK_MODEL_ID,
        region,
        ...(endpoint ? { endpoint } : {}),
      });
    }
    case 'anthropic': {
      const { AnthropicModelClient } = await import('./anthropic-model-client.ts');
      return new AnthropicModelClient({
        ...common,
        model: settings.LLM_MODEL ?? 'claude-haiku-4-5',
        apiKey: settings.ANTHROPIC_API_KEY ?? '',
        ...(settings.ANTHROPIC_BASE_URL ? { baseUrl: settings.ANTHROPIC_BASE_URL } : {}),
      });
    }
    case 'openai': {
      const { OpenAiModelClient } = await import('./openai-model-client.ts');
      return new OpenAiModelClient({
        ...common,
        model: settings.LLM_MODEL ?? 'gpt-4o-mini',
        ...(settings.OPENAI_API_KEY ? { apiKey: settings.OPENAI_API_KEY } : {}),
        ...(settings.OPENAI_BASE_URL ? { baseUrl: settings.OPENAI_BASE_URL } : {}),
      });
    }
  }
}
