import { fileURLToPath } from 'node:url';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { StateMachineId } from '../../../src/domain/event-routing/routing-rules.ts';
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
      this.stateMachines[workflow.id] = machine;
    }
  }
}
