import { CfnOutput, Duration, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  FilterCriteria,
  FilterRule,
  type IFunction,
  type Function as LambdaFunction,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { TABLE_NAME } from '../../src/adapters/dynamodb/table/table-keys.ts';
import { EVENT_BUS_NAME } from '../../src/domain/event-routing/bus-events.ts';
import { SECONDARY_EVENT_ITEMS } from '../../src/domain/event-routing/stream-changes.ts';
import { DEFAULT_CLAIM_FORM_URL } from '../../src/domain/rights/rights-settings.ts';
import type { TaskFunctionId } from '../../src/domain/workflows/task-functions.ts';
import { ApiFirewall } from './constructs/api-firewall.ts';
import { AuditArchive } from './constructs/audit-archive.ts';
import { Channels } from './constructs/channels.ts';
import { DataKeys, EncryptedSqsDlq } from './constructs/data-keys.ts';
import { DataTable } from './constructs/data-table.ts';
import { EventRouting } from './constructs/event-routing.ts';
import { FlightPulseFunction } from './constructs/flightpulse-function.ts';
import { Identity } from './constructs/identity.ts';
import { KafkaIngest } from './constructs/kafka-ingest.ts';
import { Network } from './constructs/network.ts';
import { Observability } from './constructs/observability.ts';
import { OFFER_LINK_KEY_PARAMETER, OfferExpiry } from './constructs/offer-expiry.ts';
import { RestApi } from './constructs/rest-api.ts';
import { WeatherWatch } from './constructs/weather-watch.ts';
import { Workflows } from './constructs/workflows.ts';
import { suppressAccepted } from './nag-suppressions.ts';
import type { FlightPulseStackOptions } from './stack-options.ts';

/** Table actions each function may perform; resources are always the exact table/index ARNs. */
type TableAccess = { actions: string[]; indexes: boolean };

/** FlightPulse on AWS: the same handlers, rules and workflow definitions as the local runtime. */
export class FlightPulseStack extends Stack {
  constructor(scope: Construct, id: string, options: FlightPulseStackOptions, props?: StackProps) {
    super(scope, id, props);
    Tags.of(this).add('Project', 'FlightPulse');
    Tags.of(this).add('Environment', options.environment);
    const { removalPolicy } = options;

    const keys = new DataKeys(this, 'Keys', { removalPolicy });
    const data = new DataTable(this, 'Data', {
      tableName: TABLE_NAME,
      removalPolicy,
      encryptionKey: keys.table,
    });
    const network = options.vpc ? new Network(this, 'Network') : undefined;
    const queue = (name: string) =>
      new sqs.Queue(this, name, {
        queueName: `flightpulse-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`,
        encryption: sqs.QueueEncryption.KMS,
        encryptionMasterKey: keys.queues,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
    const dlqs = {
      stream: queue('StreamDeadLetters'),
      delivery: queue('EventDeliveryDeadLetters'),
      workflow: queue('WorkflowDeadLetters'),
      weather: queue('WeatherWatchDeadLetters'),
      audit: queue('AuditDeadLetters'),
    };
    const modelId = new ssm.StringParameter(this, 'BedrockModelId', {
      parameterName: '/flightpulse/bedrock-model-id',
      stringValue: options.bedrockModelId,
      description: 'Bedrock model or inference profile the message composer calls',
    });

    const busArn = this.formatArn({
      service: 'events',
      resource: 'event-bus',
      resourceName: EVENT_BUS_NAME,
    });
    // Every function that writes notifications or events stamps their TTL with the same days.
    const env = { TABLE_NAME, EVENT_BUS_NAME, RETENTION_DAYS: String(options.retentionDays) };
    const offerExpiry = new OfferExpiry(this, 'OfferExpiry', { busArn });
    const rebookingEnv = {
      EVENT_BUS_ARN: busArn,
      OFFER_SCHEDULE_GROUP: offerExpiry.groupName,
      OFFER_SCHEDULER_ROLE_ARN: offerExpiry.role.roleArn,
      OFFER_LINK_KEY_PARAMETER,
      PUBLIC_URL: String(this.node.tryGetContext('publicUrl') ?? 'https://flightpulse.example.com'),
    };
    const linkKeyArn = this.formatArn({
      service: 'ssm',
      resource: 'parameter',
      resourceName: OFFER_LINK_KEY_PARAMETER.slice(1),
    });
    /** A function that signs or verifies passenger links: reads the link key from SSM. */
    const linkKeyAccess = (fn: IFunction) => {
      fn.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: [linkKeyArn] }),
      );
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['kms:Decrypt'],
          resources: [
            this.formatArn({ service: 'kms', resource: 'alias', resourceName: 'aws/ssm' }),
          ],
          conditions: { StringEquals: { 'kms:ViaService': `ssm.${this.region}.amazonaws.com` } },
        }),
      );
    };
    /** A function that works with offers: reads the link key, schedules and deletes expiries. */
    const rebookingAccess = <F extends IFunction>(fn: F): F => {
      linkKeyAccess(fn);
      offerExpiry.grantScheduling(fn, this);
      return fn;
    };
    /** A function of the stack: `table` grants DynamoDB actions, `publishes` PutEvents on the bus. */
    const make = (
      id: string,
      entry: string,
      description: string,
      access: {
        table?: TableAccess;
        publishes?: boolean;
        environment?: Record<string, string>;
      } = {},
    ) => {
      const { table, publishes = false, environment: extra = {} } = access;
      const { fn } = new FlightPulseFunction(this, id, {
        entry,
        functionName: `flightpulse-${entry}`,
        description,
        environment: { ...env, ...extra },
        removalPolicy,
        ...(network ? { vpc: network.vpc } : {}),
      });
      if (table) {
        DataKeys.use(keys.table, fn);
        fn.addToRolePolicy(
          new iam.PolicyStatement({
            actions: table.actions.map((a) => `dynamodb:${a}`),
            resources: table.indexes ? data.arns() : [data.table.tableArn],
          }),
        );
      }
      if (publishes)
        fn.addToRolePolicy(
          new iam.PolicyStatement({ actions: ['events:PutEvents'], resources: [busArn] }),
        );
      return fn;
    };

    const ingest = make(
      'Ingest',
      'ingest-flight-events',
      'Kafka → validate, de-duplicate, enrich, categorise, publish',
      {
        table: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'], indexes: false },
        publishes: true,
      },
    );
    const streamChanges = make(
      'StreamChanges',
      'stream-changes',
      'Table stream → booking and flight status events',
      { publishes: true },
    );
    const api = rebookingAccess(
      // Writes: offers, and GDPR erasure (DELETE /passengers/{id}, admins only).
      make('Api', 'api', 'REST API', {
        table: {
          actions: ['GetItem', 'Query', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
          indexes: true,
        },
        publishes: true,
        environment: rebookingEnv,
      }),
    );
    const recordNotification = make(
      'RecordNotification',
      'record-notification',
      'notification.* → idempotent notification record',
      { table: { actions: ['PutItem'], indexes: false } },
    );
    const deliveryStatus = make(
      'DeliveryStatus',
      'delivery-status',
      'SES events, SMS receipts, push failures → notification status and fallback',
      { table: { actions: ['GetItem', 'PutItem', 'UpdateItem'], indexes: false }, publishes: true },
    );
    const platformApplications = make(
      'PushPlatformApplications',
      'push-platform-applications',
      'Custom resource: SNS platform applications for APNs and FCM',
    );
    // How rights are judged and told; the EU261 revision's date is set here once published.
    const rightsEnvironment: Record<string, string> = {
      CLAIM_FORM_URL: options.claimFormUrl ?? DEFAULT_CLAIM_FORM_URL,
      ...(options.eu261RevisionEffectiveFrom
        ? { EU261_REVISION_EFFECTIVE_FROM: options.eu261RevisionEffectiveFrom }
        : {}),
    };
    const sendClaimNotices = make(
      'SendClaimNotices',
      'send-claim-notices',
      'Scheduled: EU261 revision claim notices by e-mail within 48 h',
      {
        // PutItem and UpdateItem: the notice is claimed and marked like every notification.
        table: { actions: ['Query', 'GetItem', 'PutItem', 'UpdateItem'], indexes: true },
        publishes: true,
        environment: rightsEnvironment,
      },
    );
    // A schedule rule invokes through the function's resource policy: no role, no wildcard.
    new events.Rule(this, 'ClaimNoticeSchedule', {
      description: 'Sends due passenger claim notices (EU261 revision: within 48 h of arrival)',
      schedule: events.Schedule.rate(Duration.minutes(5)),
      targets: [new eventTargets.LambdaFunction(sendClaimNotices, { retryAttempts: 2 })],
    });
    // Accepted events whose workflow did not finish (a crash, a dead-lettered batch) run again:
    // the workflows are idempotent in every step and delete their pending run when they end.
    const redriveRuns = make(
      'RedriveRuns',
      'redrive-runs',
      'Scheduled: re-drives pending workflow runs older than the state machine timeout',
      { table: { actions: ['Query', 'UpdateItem'], indexes: false }, publishes: true },
    );
    new events.Rule(this, 'RedriveSchedule', {
      description: 'Re-drives workflow runs that were accepted but never finished',
      schedule: events.Schedule.rate(Duration.minutes(10)),
      targets: [new eventTargets.LambdaFunction(redriveRuns, { retryAttempts: 2 })],
    });
    const taskFunctions: Record<TaskFunctionId, LambdaFunction> = {
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
          environment: rightsEnvironment,
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
      'send-notifications': rebookingAccess(
        make(
          'SendNotifications',
          'send-notifications',
          'Workflow task: read passengers, fill, claim, send through SES / SMS / push, mark, publish',
          {
            table: {
              actions: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'],
              indexes: false,
            },
            publishes: true,
            environment: { ...rightsEnvironment, ...rebookingEnv },
          },
        ),
      ),
      'mark-bookings-for-rebooking': make(
        'MarkBookingsForRebooking',
        'mark-bookings-for-rebooking',
        'Workflow task: mark bookings NEEDS_REBOOKING',
        { table: { actions: ['UpdateItem'], indexes: false } },
      ),
      'plan-rebooking-offers': rebookingAccess(
        make(
          'PlanRebookingOffers',
          'plan-rebooking-offers',
          'Workflow task: ranked options for a wave, seats held, offers stored, expiries scheduled',
          {
            table: {
              actions: ['GetItem', 'Query', 'BatchGetItem', 'PutItem', 'UpdateItem'],
              indexes: true,
            },
            environment: rebookingEnv,
          },
        ),
      ),
      'apply-offer-expiry': rebookingAccess(
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
            environment: rebookingEnv,
          },
        ),
      ),
      'notify-offer-outcome': rebookingAccess(
        make(
          'NotifyOfferOutcome',
          'notify-offer-outcome',
          'Workflow task: tell each passenger what became of their offer',
          {
            table: {
              actions: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'],
              indexes: false,
            },
            publishes: true,
            environment: rebookingEnv,
          },
        ),
      ),
    };
    const generate = taskFunctions['generate-messages'];
    modelId.grantRead(generate);
    if (options.llmProvider === 'bedrock') {
      generate.addToRolePolicy(
        new iam.PolicyStatement({
          // Converse is authorised by InvokeModel on the model.
          actions: ['bedrock:InvokeModel'],
          resources: [
            this.formatArn({
              service: 'bedrock',
              account: '',
              resource: 'foundation-model',
              resourceName: options.bedrockModelId,
            }),
          ],
        }),
      );
    }

    const workflows = new Workflows(this, 'Workflows', {
      tableArn: data.table.tableArn,
      tableName: TABLE_NAME,
      busArn,
      busName: EVENT_BUS_NAME,
      taskFunctions,
      deadLetterQueue: dlqs.workflow,
      removalPolicy,
    });
    // Their first state writes the flight to the table directly.
    for (const machine of Object.values(workflows.stateMachines)) DataKeys.use(keys.table, machine);
    const routing = new EventRouting(this, 'Routing', {
      busName: EVENT_BUS_NAME,
      stateMachines: workflows.stateMachines,
      recordNotification,
      deadLetterQueue: dlqs.delivery,
      removalPolicy,
    });
    const channels = new Channels(this, 'Channels', {
      ...options.channels,
      deliver: taskFunctions['send-notifications'],
      status: deliveryStatus,
      platformApplications,
    });
    // Every function that writes messages sends them itself, through the same providers.
    for (const fn of [deliveryStatus, sendClaimNotices, taskFunctions['notify-offer-outcome']])
      channels.grantSending(fn as lambda.Function);
    new KafkaIngest(this, 'KafkaIngest', {
      fn: ingest,
      kafka: options.kafka,
    });
    streamChanges.addEventSource(
      new DynamoEventSource(data.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(24),
        onFailure: new EncryptedSqsDlq(dlqs.stream),
        // Only bookings' and flights' own items raise events: the rest never invoke the handler.
        filters: SECONDARY_EVENT_ITEMS.partitionPrefixes.map((prefix) =>
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('MODIFY'),
            dynamodb: {
              Keys: {
                PK: { S: FilterRule.beginsWith(prefix) },
                SK: { S: FilterRule.isEqual(SECONDARY_EVENT_ITEMS.sortKey) },
              },
            },
          }),
        ),
      }),
    );
    new AuditArchive(this, 'Audit', {
      table: data.table,
      tableKey: keys.table,
      auditKey: keys.audit,
      deadLetterQueue: dlqs.audit,
    });
    const weatherWatch = new WeatherWatch(this, 'WeatherWatch', {
      environment: { ...env, INGEST_FUNCTION_NAME: ingest.functionName },
      tableArns: data.arns(),
      busArn,
      deadLetterQueue: dlqs.weather,
      removalPolicy,
    });
    // Heads-ups (WEATHER_HEADS_UP) leave through the channels too.
    channels.grantSending(weatherWatch.fn);
    DataKeys.use(keys.table, weatherWatch.fn);
    // Declarations enter through the ingest function; the API runs the watch by invoking it.
    const mayInvoke = (fn: IFunction, target: IFunction) =>
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [target.functionArn],
        }),
      );
    mayInvoke(weatherWatch.fn, ingest);
    mayInvoke(api, ingest);
    mayInvoke(api, weatherWatch.fn);
    const apiWeatherEnv = {
      INGEST_FUNCTION_NAME: ingest.functionName,
      WEATHER_WATCH_FUNCTION_NAME: weatherWatch.fn.functionName,
    };
    const passengerSignIn = make(
      'PassengerSignIn',
      'passenger-sign-in',
      'Cognito custom sign-in: a passenger link for a short-lived token bound to its booking',
      { environment: { OFFER_LINK_KEY_PARAMETER, PUBLIC_URL: rebookingEnv.PUBLIC_URL } },
    );
    linkKeyAccess(passengerSignIn);
    const identity = new Identity(this, 'Identity', {
      passengerSignIn,
      removalPolicy,
      callbackUrls: options.consoleCallbackUrls ?? ['http://localhost:3000/'],
    });
    // The function verifies the same tokens the authorizer does (one verifier, locally too).
    const apiFunction = api as lambda.Function;
    // Passengers register their devices for push through the API.
    channels.grantDeviceRegistration(apiFunction);
    apiFunction.addEnvironment('COGNITO_USER_POOL_ID', identity.userPool.userPoolId);
    apiFunction.addEnvironment('COGNITO_CLIENT_ID', identity.client.userPoolClientId);
    apiFunction.addEnvironment(
      'COGNITO_PASSENGER_CLIENT_ID',
      identity.passengerClient.userPoolClientId,
    );
    for (const [name, value] of Object.entries(apiWeatherEnv))
      apiFunction.addEnvironment(name, value);
    const rest = new RestApi(this, 'Rest', {
      fn: api,
      cache: options.apiCache,
      removalPolicy,
      authorizer: identity.authorizer,
    });
    new ApiFirewall(this, 'Firewall', { stage: rest.api.deploymentStage });
    new Observability(this, 'Observability', {
      functions: [
        ingest,
        streamChanges,
        api,
        recordNotification,
        deliveryStatus,
        sendClaimNotices,
        redriveRuns,
        ...Object.values(taskFunctions),
      ],
      stateMachines: Object.values(workflows.stateMachines),
      deadLetterQueues: Object.values(dlqs),
      api: rest.api,
      topicKey: keys.topics,
      ...(options.alarmEmail ? { alarmEmail: options.alarmEmail } : {}),
    });

    new CfnOutput(this, 'ApiUrl', { value: rest.api.url });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'ConsoleClientId', { value: identity.client.userPoolClientId });
    new CfnOutput(this, 'PassengerClientId', {
      value: identity.passengerClient.userPoolClientId,
    });
    new CfnOutput(this, 'HostedSignInDomain', { value: identity.domain.baseUrl() });
    new CfnOutput(this, 'EventBusName', { value: routing.bus.eventBusName });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    for (const [id, machine] of Object.entries(workflows.stateMachines)) {
      new CfnOutput(
        this,
        `${id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}StateMachineArn`,
        {
          value: machine.stateMachineArn,
        },
      );
    }
    suppressAccepted(this);
  }
}
