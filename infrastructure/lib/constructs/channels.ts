import { CustomResource, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as smsvoice from 'aws-cdk-lib/aws-smsvoice';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

export interface ChannelsProps {
  /** The domain FlightPulse sends e-mail from (an SES domain identity, verified by DNS). */
  emailDomain: string;
  /** Sender id, phone number, pool or their ARN: where SMS come from. */
  smsOriginationIdentity: string;
  /** SSM SecureString parameters holding the APNs and FCM credentials for the platform apps. */
  pushCredentialParameters: { apns: string; fcm: string };
  deliver: lambda.Function;
  status: lambda.Function;
  /** Creates the SNS platform applications (a custom resource: CloudFormation has no type). */
  platformApplications: lambda.Function;
}

/**
 * The ways out of the building: SES identity and configuration set (deliveries and bounces to
 * EventBridge), an End User Messaging SMS configuration set (receipts to SNS), SNS platform
 * applications for APNs and FCM (delivery failures to SNS), and least-privilege sending rights.
 */
export class Channels extends Construct {
  readonly configurationSetName = 'flightpulse';
  readonly emailFrom: string;
  readonly smsReceipts: sns.Topic;
  readonly pushFailures: sns.Topic;
  private readonly props: ChannelsProps;
  private readonly identity: ses.EmailIdentity;
  private readonly smsConfigurationSet: smsvoice.CfnConfigurationSet;

  constructor(scope: Construct, id: string, props: ChannelsProps) {
    super(scope, id);
    this.props = props;
    this.emailFrom = `notifications@${props.emailDomain}`;
    this.identity = this.email(props.status);
    const key = this.deliveryReportsKey();
    this.smsReceipts = new sns.Topic(this, 'SmsReceipts', { masterKey: key, enforceSSL: true });
    this.smsReceipts.grantPublish(new iam.ServicePrincipal('sms-voice.amazonaws.com'));
    this.pushFailures = new sns.Topic(this, 'PushFailures', { masterKey: key, enforceSSL: true });
    this.pushFailures.grantPublish(new iam.ServicePrincipal('sns.amazonaws.com'));
    this.smsConfigurationSet = new smsvoice.CfnConfigurationSet(this, 'SmsConfigurationSet', {
      configurationSetName: this.configurationSetName,
      eventDestinations: [
        {
          eventDestinationName: 'receipts-to-sns',
          enabled: true,
          matchingEventTypes: ['TEXT_ALL'],
          snsDestination: { topicArn: this.smsReceipts.topicArn },
        },
      ],
    });
    this.pushPlatformApplications(props);

    props.status.addEventSource(new SnsEventSource(this.smsReceipts));
    props.status.addEventSource(new SnsEventSource(this.pushFailures));
    props.status.addEnvironment('PUSH_FAILURE_TOPIC_ARN', this.pushFailures.topicArn);
    this.grantSending(props.deliver);
  }

  /** The SES identity and configuration set; deliveries and bounces go to `status`. */
  private email(status: lambda.Function): ses.EmailIdentity {
    const stack = Stack.of(this);
    const identity = new ses.EmailIdentity(this, 'EmailIdentity', {
      identity: ses.Identity.domain(this.props.emailDomain),
    });
    const configurationSet = new ses.ConfigurationSet(this, 'EmailConfigurationSet', {
      configurationSetName: this.configurationSetName,
      reputationMetrics: true,
      sendingEnabled: true,
    });
    // SES publishes configuration-set events to the account's default bus only.
    configurationSet.addEventDestination('ToEventBridge', {
      destination: ses.EventDestination.eventBus(
        events.EventBus.fromEventBusName(this, 'DefaultBus', 'default'),
      ),
      events: [
        ses.EmailSendingEvent.DELIVERY,
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.REJECT,
        ses.EmailSendingEvent.RENDERING_FAILURE,
        ses.EmailSendingEvent.COMPLAINT,
      ],
    });
    new events.Rule(this, 'SesDeliveryEvents', {
      description: 'SES deliveries and bounces of FlightPulse mail → delivery status',
      eventPattern: {
        source: ['aws.ses'],
        resources: [
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSetName,
          }),
        ],
      },
      targets: [new targets.LambdaFunction(status, { retryAttempts: 8 })],
    });
    return identity;
  }

  /** The key of the SMS receipt and push failure topics, usable by the services publishing. */
  private deliveryReportsKey(): kms.Key {
    const key = new kms.Key(this, 'DeliveryReportsKey', {
      description: 'FlightPulse delivery-report topics',
      enableKeyRotation: true,
    });
    key.grant(
      new iam.ServicePrincipal('sms-voice.amazonaws.com'),
      'kms:GenerateDataKey*',
      'kms:Decrypt',
    );
    key.grant(new iam.ServicePrincipal('sns.amazonaws.com'), 'kms:GenerateDataKey*', 'kms:Decrypt');
    return key;
  }

  /** The APNs and FCM platform applications, made by a custom resource from SSM credentials. */
  private pushPlatformApplications(props: ChannelsProps): void {
    const stack = Stack.of(this);
    const platform = new cr.Provider(this, 'PlatformApplicationsProvider', {
      onEventHandler: props.platformApplications,
    });
    new CustomResource(this, 'PlatformApplications', {
      serviceToken: platform.serviceToken,
      properties: {
        Name: 'flightpulse',
        ApnsCredentialParameter: props.pushCredentialParameters.apns,
        FcmCredentialParameter: props.pushCredentialParameters.fcm,
        FailureTopicArn: this.pushFailures.topicArn,
      },
    });
    props.platformApplications.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [
          'sns:CreatePlatformApplication',
          'sns:SetPlatformApplicationAttributes',
          'sns:DeletePlatformApplication',
        ],
        resources: ['APNS', 'GCM'].map((platform) =>
          stack.formatArn({
            service: 'sns',
            resource: 'app',
            resourceName: `${platform}/flightpulse`,
          }),
        ),
      }),
    );
    props.platformApplications.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ssm:GetParameter'],
        resources: Object.values(props.pushCredentialParameters).map((name) =>
          stack.formatArn({
            service: 'ssm',
            resource: 'parameter',
            resourceName: name.replace(/^\//, ''),
          }),
        ),
      }),
    );
  }

  /**
   * Lets `fn` (the API) register passengers' devices as endpoints under the two platform
   * applications, and tells it which.
   */
  grantDeviceRegistration(fn: lambda.Function): void {
    const stack = Stack.of(this);
    const app = (platform: string) =>
      stack.formatArn({ service: 'sns', resource: 'app', resourceName: `${platform}/flightpulse` });
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['sns:CreatePlatformEndpoint'],
        resources: [app('APNS'), app('GCM')],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['sns:SetEndpointAttributes'],
        resources: ['APNS', 'GCM'].map((platform) =>
          stack.formatArn({
            service: 'sns',
            resource: 'endpoint',
            resourceName: `${platform}/flightpulse/*`,
          }),
        ),
      }),
    );
    fn.addEnvironment('PUSH_APNS_APPLICATION_ARN', app('APNS'));
    fn.addEnvironment('PUSH_FCM_APPLICATION_ARN', app('GCM'));
  }

  /** Lets `fn` send through all three channels, and tells it where from. */
  grantSending(fn: lambda.Function): void {
    const props = this.props;
    const identity = this.identity;
    const smsConfigurationSet = this.smsConfigurationSet;
    const stack = Stack.of(this);
    const deliver = fn;
    deliver.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          identity.emailIdentityArn,
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSetName,
          }),
        ],
      }),
    );
    deliver.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['sms-voice:SendTextMessage'],
        resources: [
          smsConfigurationSet.attrArn,
          props.smsOriginationIdentity.startsWith('arn:')
            ? props.smsOriginationIdentity
            : stack.formatArn({
                service: 'sms-voice',
                resource: 'sender-id',
                resourceName: `${props.smsOriginationIdentity}/*`,
              }),
        ],
      }),
    );
    deliver.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['sns:Publish'],
        // Device endpoints are created per passenger under the two platform applications.
        resources: ['APNS', 'GCM'].map((platform) =>
          stack.formatArn({
            service: 'sns',
            resource: 'endpoint',
            resourceName: `${platform}/flightpulse/*`,
          }),
        ),
      }),
    );
    deliver.addEnvironment('EMAIL_FROM', this.emailFrom);
    deliver.addEnvironment('SES_CONFIGURATION_SET', this.configurationSetName);
    deliver.addEnvironment('SMS_ORIGINATION_IDENTITY', props.smsOriginationIdentity);
    deliver.addEnvironment('SMS_CONFIGURATION_SET', this.configurationSetName);
  }
}
