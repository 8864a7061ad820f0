// Parts of FlightPulseStack are plain functions taking the stack as scope, not constructs: every
// construct path, and so every logical id, stays what it was (a new scope would replace resources).
import type { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { TABLE_NAME } from '../../../src/adapters/dynamodb/table/table-keys.ts';
import { EVENT_BUS_NAME } from '../../../src/domain/event-routing/bus-events.ts';
import { DEFAULT_CLAIM_FORM_URL } from '../../../src/domain/rights/rights-settings.ts';
import { DataKeys } from '../constructs/data-keys.ts';
import type { DataTable } from '../constructs/data-table.ts';
import { FlightPulseFunction } from '../constructs/flightpulse-function.ts';
import type { Network } from '../constructs/network.ts';
import { OFFER_LINK_KEY_PARAMETER, type OfferExpiry } from '../constructs/offer-expiry.ts';
import type { FlightPulseStackOptions } from '../stack-options.ts';

/** Table actions each function may perform; resources are always the exact table/index ARNs. */
export type TableAccess = { actions: string[]; indexes: boolean };

/** What a function of the stack may do beyond writing its logs. */
export interface FunctionAccess {
  /** DynamoDB actions on the table (and its indexes). */
  table?: TableAccess;
  /** PutEvents on the FlightPulse bus. */
  publishes?: boolean;
  environment?: Record<string, string>;
}

export interface FunctionFactoryProps {
  options: FlightPulseStackOptions;
  keys: DataKeys;
  data: DataTable;
  network: Network | undefined;
  busArn: string;
  offerExpiry: OfferExpiry;
}

/**
 * Makes the stack's functions in the stack's own scope and grants them what they need: table
 * actions, publishing, the passenger-link key and offer expiry scheduling.
 */
export class FunctionFactory {
  /** Every function gets it: notifications and events are stamped with the same TTL days. */
  readonly env: Record<string, string>;
  /** Functions that work with offers: where expiries are scheduled and links point. */
  readonly rebookingEnv: {
    EVENT_BUS_ARN: string;
    OFFER_SCHEDULE_GROUP: string;
    OFFER_SCHEDULER_ROLE_ARN: string;
    OFFER_LINK_KEY_PARAMETER: string;
    PUBLIC_URL: string;
  };
  /** How rights are judged and told; the EU261 revision's date is set here once published. */
  readonly rightsEnv: Record<string, string>;
  private readonly linkKeyArn: string;
  private readonly stack: Stack;
  private readonly props: FunctionFactoryProps;

  constructor(stack: Stack, props: FunctionFactoryProps) {
    this.stack = stack;
    this.props = props;
    const { options, busArn, offerExpiry } = props;
    this.env = { TABLE_NAME, EVENT_BUS_NAME, RETENTION_DAYS: String(options.retentionDays) };
    this.rebookingEnv = {
      EVENT_BUS_ARN: busArn,
      OFFER_SCHEDULE_GROUP: offerExpiry.groupName,
      OFFER_SCHEDULER_ROLE_ARN: offerExpiry.role.roleArn,
      OFFER_LINK_KEY_PARAMETER,
      PUBLIC_URL: String(
        stack.node.tryGetContext('publicUrl') ?? 'https://flightpulse.example.com',
      ),
    };
    this.rightsEnv = {
      CLAIM_FORM_URL: options.claimFormUrl ?? DEFAULT_CLAIM_FORM_URL,
      ...(options.eu261RevisionEffectiveFrom
        ? { EU261_REVISION_EFFECTIVE_FROM: options.eu261RevisionEffectiveFrom }
        : {}),
    };
    this.linkKeyArn = stack.formatArn({
      service: 'ssm',
      resource: 'parameter',
      resourceName: OFFER_LINK_KEY_PARAMETER.slice(1),
    });
  }

  /** A function of the stack: `table` grants DynamoDB actions, `publishes` PutEvents on the bus. */
  make(
    id: string,
    entry: string,
    description: string,
    access: FunctionAccess = {},
  ): NodejsFunction {
    const { keys, data, network, busArn } = this.props;
    const { table, publishes = false, environment: extra = {} } = access;
    const { fn } = new FlightPulseFunction(this.stack, id, {
      entry,
      functionName: `flightpulse-${entry}`,
      description,
      environment: { ...this.env, ...extra },
      removalPolicy: this.props.options.removalPolicy,
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
  }

  /** A function that signs or verifies passenger links: reads the link key from SSM. */
  linkKeyAccess(fn: IFunction): void {
    const stack = this.stack;
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: [this.linkKeyArn] }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [
          stack.formatArn({ service: 'kms', resource: 'alias', resourceName: 'aws/ssm' }),
        ],
        conditions: { StringEquals: { 'kms:ViaService': `ssm.${stack.region}.amazonaws.com` } },
      }),
    );
  }

  /** A function that works with offers: reads the link key, schedules and deletes expiries. */
  rebookingAccess<F extends IFunction>(fn: F): F {
    this.linkKeyAccess(fn);
    this.props.offerExpiry.grantScheduling(fn, this.stack);
    return fn;
  }

  /** `fn` may invoke `target` (declarations enter through ingest; the API runs the watch). */
  invokeAccess(fn: IFunction, target: IFunction): void {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [target.functionArn],
      }),
    );
  }
}
