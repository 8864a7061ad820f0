import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ArnFormat, Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { StateMachineId } from '../../../src/domain/event-routing/routing-rules.ts';
import { distributedMapLabels } from '../../../src/domain/workflows/distributed-maps.ts';
import { type TaskFunctionId, WORKFLOWS } from '../../../src/domain/workflows/task-functions.ts';
import { workflowSubstitutions } from '../../../src/domain/workflows/workflow-substitutions.ts';
import { DataKeys } from './data-keys.ts';

export const STEP_FUNCTIONS_DIR = fileURLToPath(
  new URL('../../../step-functions/', import.meta.url),
);

export interface WorkflowsProps {
  tableArn: string;
  tableName: string;
  busArn: string;
  busName: string;
  taskFunctions: Record<TaskFunctionId, lambda.IFunction>;
  deadLetterQueue: sqs.IQueue;
  removalPolicy: RemovalPolicy;
}

/**
 * The three state machines, from the very ASL files the local executor runs
 * (DefinitionBody.fromFile + substitutions), traced, logged, and allowed exactly what their
 * Task states call.
 */
export class Workflows extends Construct {
  readonly stateMachines = {} as Record<StateMachineId, sfn.StateMachine>;
  /** The state machines with Distributed Maps: they read the run manifests. */
  readonly withMapRuns: sfn.StateMachine[] = [];

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const substitutions = workflowSubstitutions({
      tableName: props.tableName,
      busName: props.busName,
      deadLetterQueueUrl: props.deadLetterQueue.queueUrl,
      functionOf: (fnId) => props.taskFunctions[fnId].functionArn,
    });
    for (const workflow of WORKFLOWS) {
      const logGroup = new logs.LogGroup(this, `${workflow.name}Logs`, {
        logGroupName: `/aws/vendedlogs/states/${workflow.name}`,
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: props.removalPolicy,
      });
      const machine = new sfn.StateMachine(this, workflow.name, {
        stateMachineName: workflow.name,
        stateMachineType: sfn.StateMachineType.STANDARD,
        definitionBody: sfn.DefinitionBody.fromFile(`${STEP_FUNCTIONS_DIR}${workflow.file}`),
        definitionSubstitutions: substitutions,
        tracingEnabled: true,
        timeout: Duration.hours(1),
        logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      });
      // The exact function ARNs (grantInvoke would add `:*` for every version and alias).
      machine.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: Object.values(props.taskFunctions).map((fn) => fn.functionArn),
        }),
      );
      machine.addToRolePolicy(
        new iam.PolicyStatement({
          // UpdateItem: the flight's state; DeleteItem: the run's own pending-run record at its end.
          actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
          resources: [props.tableArn],
        }),
      );
      machine.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['events:PutEvents'], resources: [props.busArn] }),
      );
      DataKeys.sendTo(props.deadLetterQueue, machine);
      if (grantMapRuns(machine, workflow.name, workflow.file)) this.withMapRuns.push(machine);
      this.stateMachines[workflow.id] = machine;
    }
  }
}

/**
 * A workflow with Distributed Maps starts its own child executions and describes and stops them
 * (`<machine>/<Label>:<child>`): the labels come from the ASL file itself. The state machine's
 * ARN is built from its fixed name, so its role does not depend on the machine it belongs to.
 */
function grantMapRuns(machine: sfn.StateMachine, name: string, file: string): boolean {
  const definition = JSON.parse(readFileSync(`${STEP_FUNCTIONS_DIR}${file}`, 'utf8'));
  const labels = distributedMapLabels(definition);
  if (labels.length === 0) return false;
  const stack = Stack.of(machine);
  const arn = (resource: string, resourceName: string) =>
    stack.formatArn({
      service: 'states',
      resource,
      resourceName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  machine.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['states:StartExecution'],
      resources: [arn('stateMachine', name)],
    }),
  );
  const children = labels.map((label) => arn('execution', `${name}/${label}:*`));
  machine.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['states:DescribeExecution', 'states:StopExecution'],
      resources: children,
    }),
  );
  for (const label of labels)
    Validations.of(machine).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${name}/${label}:*]`,
      reason:
        `The ${label} Distributed Map names its child executions at run time; describe and stop are ` +
        `granted on that one Map Run label of ${name} only.`,
    });
  return true;
}
