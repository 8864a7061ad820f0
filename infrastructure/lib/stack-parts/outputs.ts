import { CfnOutput, type Stack } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Identity } from '../constructs/identity.ts';

export interface OutputsProps {
  api: apigateway.RestApi;
  identity: Identity;
  bus: events.IEventBus;
  table: dynamodb.ITable;
  stateMachines: Record<string, sfn.IStateMachine>;
}

/** What an operator needs after deploying: the API, sign-in, bus, table and state machines. */
export function addOutputs(stack: Stack, props: OutputsProps): void {
  const { identity } = props;
  new CfnOutput(stack, 'ApiUrl', { value: props.api.url });
  new CfnOutput(stack, 'UserPoolId', { value: identity.userPool.userPoolId });
  new CfnOutput(stack, 'ConsoleClientId', { value: identity.client.userPoolClientId });
  new CfnOutput(stack, 'PassengerClientId', {
    value: identity.passengerClient.userPoolClientId,
  });
  new CfnOutput(stack, 'HostedSignInDomain', { value: identity.domain.baseUrl() });
  new CfnOutput(stack, 'EventBusName', { value: props.bus.eventBusName });
  new CfnOutput(stack, 'TableName', { value: props.table.tableName });
  for (const [id, machine] of Object.entries(props.stateMachines)) {
    new CfnOutput(
      stack,
      `${id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}StateMachineArn`,
      { value: machine.stateMachineArn },
    );
  }
}
