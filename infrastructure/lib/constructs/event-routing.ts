import type { RemovalPolicy } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  LOGGED_NOTIFICATION_FIELDS,
  ROUTING_RULES,
  type RuleTarget,
  type StateMachineId,
} from '../../../src/domain/event-routing/routing-rules.ts';

export interface EventRoutingProps {
  busName: string;
  stateMachines: Record<StateMachineId, sfn.IStateMachine>;
  recordNotification: lambda.IFunction;
  deadLetterQueue: sqs.IQueue;
  removalPolicy: RemovalPolicy;
}

/**
 * The bus and its rules, created from ROUTING_RULES: the same patterns and targets the local bus
 * evaluates. Failed deliveries go to the dead-letter queue.
 */
export class EventRouting extends Construct {
  readonly bus: events.EventBus;
  readonly logGroups = new Map<string, logs.LogGroup>();

  constructor(scope: Construct, id: string, props: EventRoutingProps) {
    super(scope, id);
    this.bus = new events.EventBus(this, 'Bus', { eventBusName: props.busName });
    const logGroup = (name: string) => {
      let group = this.logGroups.get(name);
      if (!group) {
        group = new logs.LogGroup(this, `Log${name.replaceAll('/', '-')}`, {
          logGroupName: name,
          retention: logs.RetentionDays.THREE_MONTHS,
          removalPolicy: props.removalPolicy,
        });
        this.logGroups.set(name, group);
      }
      return group;
    };
    const delivery = { deadLetterQueue: props.deadLetterQueue, retryAttempts: 8 };
    const target = (t: RuleTarget): events.IRuleTarget => {
      switch (t.kind) {
        case 'state-machine':
          return new targets.SfnStateMachine(props.stateMachines[t.stateMachine], delivery);
        case 'function':
          return new targets.LambdaFunction(props.recordNotification, delivery);
        case 'log-group':
          return new targets.CloudWatchLogGroup(logGroup(t.logGroup), {
            ...delivery,
            ...(t.logGroup.startsWith(NOTIFICATION_LOGS)
              ? { logEvent: notificationLogEvent() }
              : {}),
          });
      }
    };
    for (const rule of ROUTING_RULES) {
      new events.Rule(this, rule.name, {
        ruleName: rule.name,
        description: rule.description,
        eventBus: this.bus,
        eventPattern: toCdkPattern(rule.eventPattern),
        targets: rule.targets.map(target),
      });
    }
  }
}

/** Our patterns use EventBridge's JSON keys; CDK's EventPattern spells a few of them differently. */
function toCdkPattern(pattern: Record<string, unknown>): events.EventPattern {
  const { 'detail-type': detailType, ...rest } = pattern;
  return {
    ...rest,
    ...(detailType ? { detailType: detailType as string[] } : {}),
  } as events.EventPattern;
}

const NOTIFICATION_LOGS = '/flightpulse/notifications/';

/** A notification's log record in AWS: the event's envelope and its non-personal fields. */
function notificationLogEvent(): targets.LogGroupTargetInput {
  return targets.LogGroupTargetInput.fromObjectV2({
    timestamp: events.EventField.time,
    message: {
      id: events.EventField.eventId,
      source: events.EventField.source,
      'detail-type': events.EventField.detailType,
      detail: Object.fromEntries(
        LOGGED_NOTIFICATION_FIELDS.map((f) => [f, events.EventField.fromPath(`$.detail.${f}`)]),
      ),
    },
  });
}
