import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FlightPulseFunction } from './flightpulse-function.ts';

export interface WeatherWatchProps {
  environment: Record<string, string>;
  /** The table and its indexes (listing flights reads GSI1). */
  tableArns: string[];
  busArn: string;
  deadLetterQueue: sqs.IQueue;
  removalPolicy: RemovalPolicy;
  /** Minutes between runs (default 15). */
  everyMinutes?: number;
}

/**
 * The weather watch in AWS: EventBridge Scheduler invokes the watch function every 15 minutes;
 * a run that fails after its retries lands in the dead-letter queue. The function stays out of
 * the VPC: it reads aviationweather.gov on the public internet.
 */
export class WeatherWatch extends Construct {
  readonly fn: FlightPulseFunction['fn'];
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: WeatherWatchProps) {
    super(scope, id);
    this.fn = new FlightPulseFunction(this, 'Function', {
      entry: 'watch-weather',
      functionName: 'flightpulse-watch-weather',
      description: 'Weather watch: METAR/TAF → risk per flight in the next 12 hours',
      environment: props.environment,
      timeout: Duration.minutes(2),
      removalPolicy: props.removalPolicy,
    }).fn;
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [
          'dynamodb:GetItem',
          'dynamodb:BatchGetItem',
          'dynamodb:Query',
          // Heads-ups are claimed (PutItem) and marked sent (UpdateItem) like every notification.
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
        ],
        resources: props.tableArns,
      }),
    );
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['events:PutEvents'], resources: [props.busArn] }),
    );
    // The schedule's own role, so it can also use the dead-letter queue's key.
    const role = new iam.Role(this, 'ScheduleRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Weather watch schedule: invokes the watch, dead-letters a failed run',
    });
    props.deadLetterQueue.encryptionMasterKey?.grant(role, 'kms:GenerateDataKey', 'kms:Decrypt');
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      scheduleName: 'flightpulse-weather-watch',
      description: 'Runs the weather watch',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(props.everyMinutes ?? 15)),
      target: new targets.LambdaInvoke(this.fn, {
        role,
        deadLetterQueue: props.deadLetterQueue,
        retryAttempts: 2,
        maxEventAge: Duration.minutes(10),
      }),
    });
  }
}
