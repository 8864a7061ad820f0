// Lambda entry: workflow task GeneratePersonalizedMessage.
import { TemplateMessenger } from '../adapters/llm/template-messenger.ts';
import { createGenerateMessages } from '../handlers/generate-messages.ts';
import { awsDependencies, withMetrics } from './aws-dependencies.ts';

const { recorder, log, metrics } = awsDependencies(process.env);
export const handler = withMetrics(
  metrics,
  createGenerateMessages({ messenger: new TemplateMessenger(), metrics: recorder, log }),
);
