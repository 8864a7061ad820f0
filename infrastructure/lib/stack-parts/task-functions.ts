import type { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type * as ssm from 'aws-cdk-lib/aws-ssm';
import type { TaskFunctionId } from '../../../src/domain/workflows/task-functions.ts';
import type { FlightPulseStackOptions } from '../stack-options.ts';
import type { FunctionFactory } from './function-factory.ts';

type TaskFunctions = Record<TaskFunctionId, LambdaFunction>;

/** The workflows' task functions, in the order the workflows and the dashboard list them. */
export function taskFunctions(
  stack: Stack,
  functions: FunctionFactory,
  options: FlightPulseStackOptions,
  modelId: ssm.StringParameter,
): TaskFunctions {
  const tasks: TaskFunctions = {
    ...notificationTasks(functions, options, modelId),
    ...rebookingTasks(functions),
  };
  grantComposing(stack, tasks['generate-messages'], options, modelId);
  return tasks;
}

/** From a flight to its passengers' messages: bookings, passengers, rights, compose, send. */
function notificationTasks(
  functions: FunctionFactory,
  options: FlightPulseStackOptions,
  modelId: ssm.StringParameter,
) {
  const make = functions.make.bind(functions);
  return {
    'get-affected-bookings': make(
      'GetAffectedBookings',
      'get-affected-bookings',
      'Workflow task: bookings of a flight, in batches',
      { table: { actions: ['Query'], indexes: false } },
    ),
    'get-passenger-details': make(
      'GetPassengerDetails',
      'get-passenger-details',
      'Workflow task: batch-read bookings and passengers',
      { table: { actions: ['BatchGetItem'], indexes: false } },
    ),
    'compute-entitlements': make(
      'ComputeEntitlements',
      'compute-entitlements',
      'Workflow task: judge and store passenger rights per booking, again after a rebooking',
      {
        // Bookings, their offers and onward flights; stored entitlements to judge again.
        table: { actions: ['GetItem', 'Query', 'BatchGetItem', 'PutItem'], indexes: false },
        environment: functions.rightsEnv,
      },
    ),
    'generate-messages': make(
      'GenerateMessages',
      'generate-messages',
      "Workflow task: compose once per segment of the batch's passengers (placeholders only)",
      {
        table: { actions: ['BatchGetItem'], indexes: false },
        environment: {
          LLM_PROVIDER: options.llmProvider,
          BEDROCK_MODEL_ID_PARAMETER: modelId.parameterName,
        },
      },
    ),
    // Reads the passengers at send time and fills their messages (offer links included).
    'send-notifications': functions.rebookingAccess(
      make(
        'SendNotifications',
        'send-notifications',
        'Workflow task: read passengers, fill, claim, send through SES / SMS / push, mark, publish',
        {
          table: { actions: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'], indexes: false },
          publishes: true,
          environment: { ...functions.rightsEnv, ...functions.rebookingEnv },
        },
      ),
    ),
  };
}

/** Rebooking: mark bookings, plan and hold offers, act at expiry, tell the outcome. */
function rebookingTasks(functions: FunctionFactory) {
  const make = functions.make.bind(functions);
  const rebooking = functions.rebookingAccess.bind(functions);
  const environment = functions.rebookingEnv;
  return {
    'mark-bookings-for-rebooking': make(
      'MarkBookingsForRebooking',
      'mark-bookings-for-rebooking',
      'Workflow task: mark bookings NEEDS_REBOOKING',
      { table: { actions: ['UpdateItem'], indexes: false } },
    ),
    'plan-rebooking-offers': rebooking(
      make(
        'PlanRebookingOffers',
        'plan-rebooking-offers',
        'Workflow task: ranked options for a wave, seats held, offers stored, expiries scheduled',
        {
          table: {
            actions: ['GetItem', 'Query', 'BatchGetItem', 'PutItem', 'UpdateItem'],
            indexes: true,
          },
          environment,
        },
      ),
    ),
    'apply-offer-expiry': rebooking(
      make(
        'ApplyOfferExpiry',
        'apply-offer-expiry',
        'Workflow task: at expiry, book the top option or escalate',
        {
          table: {
            actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'],
            indexes: false,
          },
          publishes: true,
          environment,
        },
      ),
    ),
    'notify-offer-outcome': rebooking(
      make(
        'NotifyOfferOutcome',
        'notify-offer-outcome',
        'Workflow task: tell each passenger what became of their offer',
        {
          table: { actions: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'], indexes: false },
          publishes: true,
          environment,
        },
      ),
    ),
  };
}

/** The composer reads its model id, and may call the model once Bedrock is the provider. */
function grantComposing(
  stack: Stack,
  generate: LambdaFunction,
  options: FlightPulseStackOptions,
  modelId: ssm.StringParameter,
): void {
  modelId.grantRead(generate);
  if (options.llmProvider !== 'bedrock') return;
  generate.addToRolePolicy(
    new iam.PolicyStatement({
      // Converse is authorised by InvokeModel on the model.
      actions: ['bedrock:InvokeModel'],
      resources: [
        stack.formatArn({
          service: 'bedrock',
          account: '',
          resource: 'foundation-model',
          resourceName: options.bedrockModelId,
        }),
      ],
    }),
  );
}
