// Builds the CDK app from context. Kept apart from the entry point so tests can build it without
// synthesizing, and so the entry point synthesizes however it is started (cdk runs it via bin/run.js).
import { type App, RemovalPolicy, Validations } from 'aws-cdk-lib';
import cdkNag from 'cdk-nag';
import { FlightPulseStack } from './flightpulse-stack.ts';
import type { FlightPulseStackOptions } from './stack-options.ts';

const DEFAULT_MODEL_ID = 'anthropic.claude-haiku-4-5-20251001-v1:0';

/** Reads the deploy-time options from CDK context and explains a bad one. */
export function optionsFromContext(get: (key: string) => unknown): FlightPulseStackOptions {
  const text = (key: string) => {
    const value = get(key);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
  const flag = (key: string) => text(key) === 'true';
  const require = (key: string, why: string) => {
    const value = text(key);
    if (!value) throw new Error(`context ${key} is required ${why} (cdk synth -c ${key}=...)`);
    return value;
  };
  const removal = text('removalPolicy') ?? 'retain';
  if (removal !== 'retain' && removal !== 'destroy')
    throw new Error('context removalPolicy must be retain or destroy');
  const kafkaKind = text('kafka') ?? 'none';
  const consumerGroupId = text('consumerGroupId') ?? 'flightpulse-ingest';
  let kafka: FlightPulseStackOptions['kafka'];
  if (kafkaKind === 'msk') {
    kafka = {
      kind: 'msk',
      clusterArn: require('mskClusterArn', 'with kafka=msk'),
      consumerGroupId,
    };
  } else if (kafkaKind === 'self-managed') {
    kafka = {
      kind: 'self-managed',
      bootstrapServers: require('kafkaBootstrapServers', 'with kafka=self-managed').split(','),
      secretArn: require('kafkaSecretArn', 'with kafka=self-managed (SASL/SCRAM credentials)'),
      consumerGroupId,
    };
  } else if (kafkaKind === 'none') {
    kafka = { kind: 'none' };
  } else {
    throw new Error('context kafka must be msk, self-managed or none');
  }
  const llmProvider = text('llmProvider') ?? 'none';
  if (llmProvider !== 'none' && llmProvider !== 'bedrock')
    throw new Error('context llmProvider must be none or bedrock');
  const alarmEmail = text('alarmEmail');
  const consoleCallbackUrls = text('consoleCallbackUrls')?.split(',');
  const claimFormUrl = text('claimFormUrl');
  const retentionDays = Number(text('retentionDays') ?? 90);
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3650)
    throw new Error('context retentionDays must be a whole number of days from 1 to 3650');
  const revision = text('eu261RevisionEffectiveFrom');
  if (revision !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(revision))
    throw new Error('context eu261RevisionEffectiveFrom must be a date such as 2027-01-01');
  return {
    removalPolicy: removal === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    kafka,
    vpc: flag('vpc'),
    apiCache: flag('apiCache'),
    bedrockModelId: text('bedrockModelId') ?? DEFAULT_MODEL_ID,
    llmProvider,
    environment: text('environment') ?? 'dev',
    retentionDays,
    channels: {
      emailDomain: text('emailDomain') ?? 'flightpulse.example.com',
      smsOriginationIdentity: text('smsOriginationIdentity') ?? 'FLIGHTPULSE',
      pushCredentialParameters: {
        apns: text('apnsCredentialParameter') ?? '/flightpulse/push/apns-credential',
        fcm: text('fcmCredentialParameter') ?? '/flightpulse/push/fcm-credential',
      },
    },
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(consoleCallbackUrls ? { consoleCallbackUrls } : {}),
    ...(claimFormUrl ? { claimFormUrl } : {}),
    ...(revision ? { eu261RevisionEffectiveFrom: revision } : {}),
  };
}

/** The CDK app: one FlightPulse stack, checked by cdk-nag's AwsSolutions pack. */
export function buildApp(app: App): FlightPulseStack {
  const stack = new FlightPulseStack(
    app,
    'FlightPulseStack',
    optionsFromContext((k) => app.node.tryGetContext(k)),
    {
      description:
        'FlightPulse: flight-disruption operations (Kafka → EventBridge → Step Functions → DynamoDB)',
      ...(process.env.CDK_DEFAULT_ACCOUNT
        ? {
            env: {
              account: process.env.CDK_DEFAULT_ACCOUNT,
              region: process.env.CDK_DEFAULT_REGION,
            },
          }
        : {}),
    },
  );
  Validations.of(app).addPlugins(new cdkNag.AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}
