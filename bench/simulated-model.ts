import pLimit from 'p-limit';
import type { MessageSegment } from '../src/domain/messaging/message-segment.ts';
import { type MessageTemplate, templateFor } from '../src/domain/messaging/message-templates.ts';
import type { Messenger } from '../src/ports.ts';

/**
 * A language model stand-in with a fixed latency and a concurrency limit (a provider quota). It
 * answers with a valid message, so every call counts as a model-written segment.
 */
export class SimulatedModel implements Messenger {
  readonly name = 'LLM' as const;
  calls = 0;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly sleepMs: number;

  constructor(latencyMs: number, concurrency: number, timeScale: number) {
    this.limit = pLimit(concurrency);
    this.sleepMs = latencyMs / timeScale;
  }

  composeSegment(segment: MessageSegment): Promise<MessageTemplate> {
    return this.limit(async () => {
      this.calls++;
      await new Promise((r) => setTimeout(r, this.sleepMs));
      return templateFor(segment);
    });
  }
}
