import { z } from 'zod';

export const LLM_PROVIDERS = ['none', 'bedrock', 'anthropic', 'openai'] as const;

/** The current Claude Haiku on Bedrock (Claude 3 Haiku reached end of life in September 2026). */
export const DEFAULT_BEDROCK_MODEL_ID = 'anthropic.claude-haiku-4-5-20251001-v1:0';

/** LLM settings from environment variables; shared by the local runtime and Lambda. */
export const LlmSettingsSchema = z
  .object({
    LLM_PROVIDER: z
      .enum(LLM_PROVIDERS, { message: `one of ${LLM_PROVIDERS.join(', ')}` })
      .default('none'),
    LLM_MODEL: z.string().min(1).optional(),
    BEDROCK_MODEL_ID: z.string().min(1).default(DEFAULT_BEDROCK_MODEL_ID),
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: z.url().optional(),
    ANTHROPIC_BASE_URL: z.url().optional(),
    ANTHROPIC_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z.url().optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),
    LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
    LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
    LLM_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  })
  .superRefine((s, ctx) => {
    if (s.LLM_PROVIDER === 'anthropic' && !s.ANTHROPIC_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['ANTHROPIC_API_KEY'],
        message: 'required when LLM_PROVIDER=anthropic',
      });
    }
    if (s.LLM_PROVIDER === 'openai' && !s.OPENAI_BASE_URL && !s.OPENAI_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_BASE_URL'],
        message:
          'set OPENAI_BASE_URL (Ollama, vLLM, llama.cpp) or OPENAI_API_KEY (OpenAI) when LLM_PROVIDER=openai',
      });
    }
  });
export type LlmSettings = z.infer<typeof LlmSettingsSchema>;
