import type { MessageSegment } from '../../domain/messaging/message-segment.ts';
import { type MessageTemplate, templateFor } from '../../domain/messaging/message-templates.ts';
import type { Messenger } from '../../ports.ts';

/** The `none` provider: the specification's templates, with no model. */
export class TemplateMessenger implements Messenger {
  readonly name = 'TEMPLATE' as const;

  async composeSegment(segment: MessageSegment): Promise<MessageTemplate> {
    return templateFor(segment);
  }
}
