// Lambda entry: workflow task GeneratePersonalizedMessage (composes the batch's segments).
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createMessenger } from '../adapters/llm/create-messenger.ts';
import { LlmSettingsSchema } from '../adapters/llm/llm-settings.ts';
import { createComposeSegments } from '../handlers/generate-messages.ts';
import { awsDependencies, withMetrics } from './aws-dependencies.ts';

const { recorder, log, metrics, bookings } = awsDependencies(process.env);
const settings = LlmSettingsSchema.parse(process.env);
// The model id lives in SSM so it changes without a deploy; read once per container.
const parameter = process.env.BEDROCK_MODEL_ID_PARAMETER;
if (settings.LLM_PROVIDER === 'bedrock' && parameter) {
  const { Parameter } = await new SSMClient({}).send(new GetParameterCommand({ Name: parameter }));
  if (Parameter?.Value) settings.BEDROCK_MODEL_ID = Parameter.Value;
}
export const handler = withMetrics(
  metrics,
  createComposeSegments({
    messenger: await createMessenger(settings, process.env.AWS_REGION ?? 'us-east-1'),
    metrics: recorder,
    log,
    bookings,
  }),
);
