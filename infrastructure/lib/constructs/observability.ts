import { Duration } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  functions: lambda.IFunction[];
  stateMachines: sfn.IStateMachine[];
  deadLetterQueues: sqs.IQueue[];
  api: apigateway.RestApi;
  alarmEmail?: string;
  /** The customer-managed key the alarm topic is encrypted with. */
  topicKey: kms.IKey;
}

const NAMESPACE = 'FlightPulse';
const metric = (metricName: string, statistic = 'Sum') =>
  new cloudwatch.Metric({
    namespace: NAMESPACE,
    metricName,
    dimensionsMap: { service: 'flightpulse' },
    statistic,
    period: Duration.minutes(5),
  });

// Math ids must be unique across a graph, so each sum names its metrics after itself.
const sum = (metrics: cloudwatch.IMetric[], label: string) => {
  const prefix = label.toLowerCase().replace(/[^a-z]/g, '');
  return new cloudwatch.MathExpression({
    expression: metrics.map((_, i) => `${prefix}${i}`).join(' + '),
    usingMetrics: Object.fromEntries(metrics.map((m, i) => [`${prefix}${i}`, m])),
    label,
    period: Duration.minutes(5),
  });
};

/** The sums and rates both the alarms and the dashboard show. */
function aggregates(props: ObservabilityProps) {
  return {
    lambdaErrors: sum(
      props.functions.map((f) => f.metricErrors()),
      'Lambda errors',
    ),
    lambdaThrottles: sum(
      props.functions.map((f) => f.metricThrottles()),
      'Lambda throttles',
    ),
    workflowFailures: sum(
      props.stateMachines.map((s) => s.metricFailed()),
      'Workflow failures',
    ),
    dlqDepth: sum(
      props.deadLetterQueues.map((q) =>
        q.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum' }),
      ),
      'Messages in dead-letter queues',
    ),
    llmFallbackRate: new cloudwatch.MathExpression({
      expression: '100 * failed / MAX([failed + ok, 1])',
      usingMetrics: { failed: metric('LLMInvocationsFailed'), ok: metric('LLMInvocationsSuccess') },
      label: 'LLM fallback rate (%)',
      period: Duration.minutes(5),
    }),
  };
}

type Aggregates = ReturnType<typeof aggregates>;

/**
 * The dashboard the specification asks for (events by type, notification success rate, workflow
 * duration, error rates, LLM fallback rate) and the alarms operations needs.
 */
export class Observability extends Construct {
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Alarms', {
      displayName: 'FlightPulse alarms',
      enforceSSL: true,
      masterKey: props.topicKey,
    });
    if (props.alarmEmail)
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const sums = aggregates(props);
    this.functionAlarms(props.functions);
    this.pipelineAlarms(props, sums);
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: 'FlightPulse' });
    this.dashboard.addWidgets(...this.widgets(props, sums));
  }

  /** An alarm on `m` at `threshold` or more, sent to the alarm topic. */
  private alarm(name: string, m: cloudwatch.IMetric, threshold: number, description: string) {
    const a = new cloudwatch.Alarm(this, name, {
      alarmName: `flightpulse-${name}`,
      alarmDescription: description,
      metric: m,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    a.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(a);
    return a;
  }

  /** Errors and throttles of the functions. */
  private functionAlarms(functions: lambda.IFunction[]): void {
    // An alarm's math may hold at most 10 metrics: one alarm per ten functions.
    for (let i = 0; i * 10 < functions.length; i++) {
      const group = functions.slice(i * 10, i * 10 + 10);
      const suffix = i === 0 ? '' : `-${i + 1}`;
      this.alarm(
        `lambda-errors${suffix}`,
        sum(
          group.map((f) => f.metricErrors()),
          `Lambda errors${suffix}`,
        ),
        1,
        'A FlightPulse function failed',
      );
      this.alarm(
        `lambda-throttles${suffix}`,
        sum(
          group.map((f) => f.metricThrottles()),
          `Lambda throttles${suffix}`,
        ),
        1,
        'A FlightPulse function was throttled',
      );
    }
  }

  /** Workflow failures, dead letters, API 5xx and the LLM fallback rate. */
  private pipelineAlarms(props: ObservabilityProps, sums: Aggregates): void {
    this.alarm(
      'workflow-failures',
      sums.workflowFailures,
      1,
      'A workflow failed; its event is on the workflow dead-letter queue',
    );
    this.alarm(
      'dead-letter-queues',
      sums.dlqDepth,
      1,
      'Events or records are waiting in a dead-letter queue',
    );
    this.alarm(
      'api-5xx',
      props.api.metricServerError({ period: Duration.minutes(5) }),
      1,
      'The REST API answered 5xx',
    );
    this.alarm(
      'llm-fallback-rate',
      sums.llmFallbackRate,
      20,
      'More than 20% of messages fell back to templates',
    );
  }

  /** The dashboard's graphs, then the state of every alarm. */
  private widgets(props: ObservabilityProps, sums: Aggregates): cloudwatch.IWidget[] {
    return [
      new cloudwatch.GraphWidget({
        title: 'Events processed by type',
        left: [
          metric('DelayEventsProcessed'),
          metric('CancellationEventsProcessed'),
          metric('GateChangeEventsProcessed'),
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Notification success rate (%)',
        left: [
          new cloudwatch.MathExpression({
            expression: '100 * sent / MAX([sent + failed, 1])',
            usingMetrics: { sent: metric('NotificationsSent'), failed: sums.workflowFailures },
            label: 'notifications recorded vs workflow failures',
            period: Duration.minutes(5),
          }),
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Average workflow duration (ms)',
        left: props.stateMachines.map((s) => s.metricTime({ statistic: 'Average' })),
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Error rates',
        left: [
          sums.lambdaErrors,
          sums.lambdaThrottles,
          sums.workflowFailures,
          metric('EventsRejected'),
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'LLM fallback rate (%)',
        left: [sums.llmFallbackRate],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Affected passengers and notifications',
        left: [
          metric('AffectedPassengers'),
          metric('NotificationsSent'),
          metric('WorkflowExecutions'),
        ],
        width: 12,
      }),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }),
    ];
  }
}
