// Lambda entry: workflow task GeneratePersonalizedMessage.
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createMessenger } from '../adapters/llm/create-messenger.ts';
import { LlmSettingsSchema } from '../adapters/llm/llm-settings.ts';
import { createGenerateMessages } from '../handlers/generate-messages.ts';
import { withMetrics } from './aws-dependencies.ts';
import { rebookingDependencies } from './rebooking-dependencies.ts';

const { recorder, log, metrics, rights, offers, links } = rebookingDependencies(process.env);
const settings = LlmSettingsSchema.parse(process.env);
// The model id lives in SSM so it changes without a deploy; read once per container.
const parameter = process.env.BEDROCK_MODEL_ID_PARAMETER;
if (settings.LLM_PROVIDER === 'bedrock' && parameter) {
  const { Parameter } = await new SSMClient({}).send(new GetParameterCommand({ Name: parameter }));
  if (Parameter?.Value) settings.BEDROCK_MODEL_ID = Parameter.Value;
}
export const handler = withMetrics(
  metrics,
  createGenerateMessages({
    messenger: createMessenger(settings, process.env.AWS_REGION ?? 'us-east-1'),
    metrics: recorder,
    log,
    rights,
    offerLinks: { offers, links },
  }),
);
