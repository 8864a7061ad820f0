import { Stack, type StackProps, Tags } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { TABLE_NAME } from '../../src/adapters/dynamodb/table/table-keys.ts';
import { EVENT_BUS_NAME } from '../../src/domain/event-routing/bus-events.ts';
import { AuditArchive } from './constructs/audit-archive.ts';
import { Channels } from './constructs/channels.ts';
import { DataKeys } from './constructs/data-keys.ts';
import { DataTable } from './constructs/data-table.ts';
import { EventRouting } from './constructs/event-routing.ts';
import { KafkaIngest } from './constructs/kafka-ingest.ts';
import { Network } from './constructs/network.ts';
import { Observability } from './constructs/observability.ts';
import { OfferExpiry } from './constructs/offer-expiry.ts';
import { WorkflowManifests } from './constructs/workflow-manifests.ts';
import { Workflows } from './constructs/workflows.ts';
import { suppressAccepted } from './nag-suppressions.ts';
import type { FlightPulseStackOptions } from './stack-options.ts';
import { coreFunctions } from './stack-parts/core-functions.ts';
import { deadLetterQueues } from './stack-parts/dead-letter-queues.ts';
import { FunctionFactory } from './stack-parts/function-factory.ts';
import { addOutputs } from './stack-parts/outputs.ts';
import { publicApi } from './stack-parts/public-api.ts';
import { scheduledJobs } from './stack-parts/scheduled-jobs.ts';
import { subscribeToTableStream } from './stack-parts/table-stream.ts';
import { taskFunctions } from './stack-parts/task-functions.ts';
import { weatherWatch } from './stack-parts/weather.ts';

/** What every part builds on: keys, the table, dead-letter queues and the function factory. */
interface Foundation {
  keys: DataKeys;
  data: DataTable;
  dlqs: ReturnType<typeof deadLetterQueues>;
  modelId: ssm.StringParameter;
  busArn: string;
  functions: FunctionFactory;
}

type CoreFunctions = ReturnType<typeof coreFunctions>;
type ScheduledJobs = ReturnType<typeof scheduledJobs>;
type TaskFunctions = ReturnType<typeof taskFunctions>;

/**
 * FlightPulse on AWS: the same handlers, rules and workflow definitions as the local runtime.
 * Every part is built in the stack's own scope (stack-parts/ are functions, not constructs), so
 * construct paths and logical ids do not depend on how this code is split.
 */
export class FlightPulseStack extends Stack {
  constructor(scope: Construct, id: string, options: FlightPulseStackOptions, props?: StackProps) {
    super(scope, id, props);
    Tags.of(this).add('Project', 'FlightPulse');
    Tags.of(this).add('Environment', options.environment);
    const base = this.foundation(options);
    const { functions, keys, data, dlqs } = base;
    const core = coreFunctions(functions);
    const scheduled = scheduledJobs(this, functions);
    const tasks = taskFunctions(this, functions, options, base.modelId);
    const { workflows, routing, channels } = this.delivery(base, options, core, scheduled, tasks);
    new KafkaIngest(this, 'KafkaIngest', { fn: core.ingest, kafka: options.kafka });
    subscribeToTableStream(core.streamChanges, data.table, dlqs.stream);
    const audit = new AuditArchive(this, 'Audit', {
      table: data.table,
      tableKey: keys.table,
      auditKey: keys.audit,
      deadLetterQueue: dlqs.audit,
    });
    // Each run's booking manifest: GetAffectedBookings writes it, the Distributed Maps read it.
    const manifests = new WorkflowManifests(this, 'WorkflowManifests', {
      key: keys.manifests,
      accessLogs: audit.accessLogs,
      removalPolicy: options.removalPolicy,
    });
    manifests.grantWrite(tasks['get-affected-bookings']);
    for (const machine of workflows.withMapRuns) manifests.grantRead(machine);
    const weather = weatherWatch(this, {
      functions,
      keys,
      data,
      busArn: base.busArn,
      ingest: core.ingest,
      channels,
      deadLetterQueue: dlqs.weather,
      removalPolicy: options.removalPolicy,
    });
    const { rest, identity } = publicApi(this, {
      functions,
      options,
      api: core.api,
      ingest: core.ingest,
      weatherWatch: weather.fn,
      channels,
    });
    new Observability(this, 'Observability', {
      functions: [
        core.ingest,
        core.streamChanges,
        core.api,
        core.recordNotification,
        core.deliveryStatus,
        scheduled.sendClaimNotices,
        scheduled.redriveRuns,
        ...Object.values(tasks),
      ],
      stateMachines: Object.values(workflows.stateMachines),
      deadLetterQueues: Object.values(dlqs),
      api: rest.api,
      topicKey: keys.topics,
      ...(options.alarmEmail ? { alarmEmail: options.alarmEmail } : {}),
    });
    addOutputs(this, {
      api: rest.api,
      identity,
      bus: routing.bus,
      table: data.table,
      stateMachines: workflows.stateMachines,
    });
    suppressAccepted(this);
  }

  /** Keys, the table, the optional VPC, dead-letter queues, the model id and offer expiry. */
  private foundation(options: FlightPulseStackOptions): Foundation {
    const { removalPolicy } = options;
    const keys = new DataKeys(this, 'Keys', { removalPolicy });
    const data = new DataTable(this, 'Data', {
      tableName: TABLE_NAME,
      removalPolicy,
      encryptionKey: keys.table,
    });
    const network = options.vpc ? new Network(this, 'Network') : undefined;
    const dlqs = deadLetterQueues(this, keys.queues);
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
    const offerExpiry = new OfferExpiry(this, 'OfferExpiry', { busArn });
    const functions = new FunctionFactory(this, {
      options,
      keys,
      data,
      network,
      busArn,
      offerExpiry,
    });
    return { keys, data, dlqs, modelId, busArn, functions };
  }

  /** The workflows, the bus that starts them and the channels their messages leave through. */
  private delivery(
    { keys, data, dlqs, busArn }: Foundation,
    options: FlightPulseStackOptions,
    core: CoreFunctions,
    scheduled: ScheduledJobs,
    tasks: TaskFunctions,
  ) {
    const { removalPolicy } = options;
    const workflows = new Workflows(this, 'Workflows', {
      tableArn: data.table.tableArn,
      tableName: TABLE_NAME,
      busArn,
      busName: EVENT_BUS_NAME,
      taskFunctions: tasks,
      deadLetterQueue: dlqs.workflow,
      removalPolicy,
    });
    // Their first state writes the flight to the table directly.
    for (const machine of Object.values(workflows.stateMachines)) DataKeys.use(keys.table, machine);
    const routing = new EventRouting(this, 'Routing', {
      busName: EVENT_BUS_NAME,
      stateMachines: workflows.stateMachines,
      recordNotification: core.recordNotification,
      deadLetterQueue: dlqs.delivery,
      removalPolicy,
    });
    const channels = new Channels(this, 'Channels', {
      ...options.channels,
      deliver: tasks['send-notifications'],
      status: core.deliveryStatus,
      platformApplications: core.platformApplications,
    });
    // Every function that writes messages sends them itself, through the same providers.
    for (const fn of [
      core.deliveryStatus,
      scheduled.sendClaimNotices,
      tasks['notify-offer-outcome'],
    ])
      channels.grantSending(fn);
    return { workflows, routing, channels };
  }
}
