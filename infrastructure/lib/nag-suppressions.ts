import { type Stack, Validations } from 'aws-cdk-lib';

/**
 * cdk-nag findings FlightPulse accepts, each with its reason. Everything else must pass the
 * AwsSolutions pack.
 */
const ACCEPTED: Array<{ id: string; reason: string }> = [
  {
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Only where the service has no narrower resource: X-Ray trace segments, DynamoDB ListStreams for the ' +
      'stream event source, and Step Functions log delivery.',
  },
  { id: 'AwsSolutions-SQS3', reason: 'These queues are the dead-letter queues.' },
  {
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::<WeatherWatchFunction1204E644.Arn>:*]',
    reason:
      "EventBridge Scheduler's Lambda target grants its role invoke on the watch function and its versions " +
      '(ARN and ARN:*) — that one function only.',
  },
  {
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      "Only CDK's own AwsCustomResource provider uses it (it installs the CloudWatch Logs resource policy that lets " +
      'EventBridge write to the notification log groups); every FlightPulse function has its own log-group grant instead.',
  },
  {
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaMSKExecutionRole]',
    reason:
      'With kafka=msk, the ingest function is the MSK event source: AWS maintains this policy as exactly what the ' +
      'event source mapping needs (cluster describe, bootstrap brokers, network interfaces in the cluster VPC).',
  },
  {
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
    reason:
      'With vpc=true, functions create network interfaces in the private subnets; this AWS policy grants only that.',
  },
  {
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/flightpulse-offer-expiry/*]',
    reason:
      'One one-time schedule per open offer, named after the offer at run time: create and delete are granted on ' +
      'the offer-expiry schedule group only, whose schedules can do nothing but put offer.expiry_due on the bus.',
  },
  {
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sns:<AWS::Region>:<AWS::AccountId>:endpoint/APNS/flightpulse/*]',
    reason:
      'Push endpoints are created per passenger device at run time under the APNs platform application; ' +
      'publishing is limited to that application.',
  },
  {
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sns:<AWS::Region>:<AWS::AccountId>:endpoint/GCM/flightpulse/*]',
    reason:
      'Push endpoints are created per passenger device at run time under the FCM platform application; ' +
      'publishing is limited to that application.',
  },
  {
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sms-voice:<AWS::Region>:<AWS::AccountId>:sender-id/FLIGHTPULSE/*]',
    reason:
      'A sender id is registered once per destination country (its ARN ends in the country code); SMS may go ' +
      'from the configured sender id in any country it is registered for. Give an origination ARN to narrow it.',
  },
  {
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::<PushPlatformApplicationsFunction091C82D1.Arn>:*]',
    reason:
      "CDK's custom-resource provider framework invokes the platform-application function by any version.",
  },
];

export function suppressAccepted(stack: Stack): void {
  for (const finding of ACCEPTED) Validations.of(stack).acknowledge(finding);
}
