import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';

export interface OfferExpiryProps {
  busArn: string;
}

/** Where offer links' signing key lives: an SSM SecureString the operator creates once. */
export const OFFER_LINK_KEY_PARAMETER = '/flightpulse/offer-link-key';
/** Option generation slower than this raises the alarm (roadmap 004 §4.3). */
export const OPTION_GENERATION_ALARM_MS = 5000;

/**
 * Rebooking's AWS parts beside the functions: the schedule group holding one one-time schedule
 * per open offer, the role EventBridge Scheduler assumes to put `offer.expiry_due` on the bus, and
 * the alarm on slow option generation.
 */
export class OfferExpiry extends Construct {
  readonly groupName: string;
  readonly role: iam.Role;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: OfferExpiryProps) {
    super(scope, id);
    const group = new scheduler.CfnScheduleGroup(this, 'Group', {
      name: 'flightpulse-offer-expiry',
    });
    this.groupName = group.name as string;
    this.role = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      description: 'EventBridge Scheduler: put offer.expiry_due on the FlightPulse bus',
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['events:PutEvents'], resources: [props.busArn] }),
    );
    this.alarm = new cloudwatch.Alarm(this, 'SlowOptionGeneration', {
      alarmName: 'flightpulse-option-generation-slow',
      alarmDescription: 'Generating rebooking options took longer than 5 s (roadmap 004 §4.3)',
      metric: new cloudwatch.Metric({
        namespace: 'FlightPulse',
        metricName: 'OptionGenerationMilliseconds',
        dimensionsMap: { service: 'flightpulse' },
        statistic: 'Maximum',
        period: Duration.minutes(1),
      }),
      threshold: OPTION_GENERATION_ALARM_MS,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  /** Lets a function create and delete the offers' schedules, and pass the scheduler its role. */
  grantScheduling(
    fn: iam.IGrantable,
    stackScope: {
      formatArn: (c: { service: string; resource: string; resourceName: string }) => string;
    },
  ): void {
    fn.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
        resources: [
          stackScope.formatArn({
            service: 'scheduler',
            resource: 'schedule',
            resourceName: `${this.groupName}/*`,
          }),
        ],
      }),
    );
    fn.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [this.role.roleArn] }),
    );
  }
}
