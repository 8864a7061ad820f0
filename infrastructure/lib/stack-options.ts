import type { RemovalPolicy } from 'aws-cdk-lib';

/** The deploy-time choices, read from CDK context (`-c key=value`) in lib/build-app.ts. */
export interface FlightPulseStackOptions {
  /** What happens to the table and log groups when the stack is deleted (default RETAIN). */
  removalPolicy: RemovalPolicy;
  /** Where Kafka events come from: Amazon MSK, a self-managed cluster, or nowhere yet. */
  kafka:
    | { kind: 'msk'; clusterArn: string; consumerGroupId: string }
    | {
        kind: 'self-managed';
        bootstrapServers: string[];
        secretArn: string;
        consumerGroupId: string;
      }
    | { kind: 'none' };
  /** Run the functions in private subnets with VPC endpoints and no NAT (seed 001). */
  vpc: boolean;
  /** Cache GET /flights in API Gateway. */
  apiCache: boolean;
  /** The Bedrock model or inference profile the message composer may call. */
  bedrockModelId: string;
  /** `none` (templates) until an LLM provider is configured. */
  llmProvider: 'none' | 'bedrock';
  /** Common tag Environment. */
  environment: string;
  /** The passenger claim form (default: DEFAULT_CLAIM_FORM_URL). */
  claimFormUrl?: string;
  /** When the EU261 revision applies (YYYY-MM-DD), once published; unset: not in force. */
  eu261RevisionEffectiveFrom?: string;
  /** Where Cognito's hosted sign-in may send the console back to (default http://localhost:3000/). */
  consoleCallbackUrls?: string[];
  /** How notifications leave: the SES sending domain, the SMS origination identity, push credentials. */
  channels: {
    emailDomain: string;
    smsOriginationIdentity: string;
    pushCredentialParameters: { apns: string; fcm: string };
  };
  /** Days notifications and ingested events are kept before DynamoDB TTL deletes them (90). */
  retentionDays: number;
  /** Email or other subscriber for alarms; none means alarms only show on the dashboard. */
  alarmEmail?: string;
}
