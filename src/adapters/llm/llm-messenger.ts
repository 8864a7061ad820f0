import pLimit, { type LimitFunction } from 'p-limit';
import type { MessageSegment } from '../../domain/messaging/message-segment.ts';
import type { MessageTemplate } from '../../domain/messaging/message-templates.ts';
import { parseComposedMessage, segmentPrompt } from '../../domain/messaging/segment-prompt.ts';
import type { Messenger } from '../../ports.ts';
import type { ModelClient } from './model-client.ts';

const MAX_TOKENS = 1200;

/**
 * Composes a segment's message with a language model: the segment prompt in, a validated JSON
 * template out. At most `concurrency` calls run at once per provider; `calls` counts them.
 */
export class LlmMessenger implements Messenger {
  readonly name = 'LLM' as const;
  calls = 0;
  private readonly client: ModelClient;
  private readonly limit: LimitFunction;

  constructor(client: ModelClient, concurrency: number) {
    this.client = client;
    this.limit = pLimit(concurrency);
  }

  get provider(): string {
    return `${this.client.provider}:${this.client.model}`;
  }

  composeSegment(segment: MessageSegment): Promise<MessageTemplate> {
    return this.limit(async () => {
      this.calls++;
      const prompt = segmentPrompt(segment);
      const text = await this.client.complete({ ...prompt, maxTokens: MAX_TOKENS });
      return parseComposedMessage(text, segment);
    });
  }
}
