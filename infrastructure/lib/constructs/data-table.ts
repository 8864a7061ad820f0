import type { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { GSI1, GSI2, TTL_ATTRIBUTE } from '../../../src/adapters/dynamodb/table/table-keys.ts';

/** FlightPulseTable: the single-table design of the specification, streams on, TTL on `ttl`. */
export class DataTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(
    scope: Construct,
    id: string,
    props: { tableName: string; removalPolicy: RemovalPolicy; encryptionKey: kms.IKey },
  ) {
    super(scope, id);
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: props.tableName,
      partitionKey: key('PK'),
      sortKey: key('SK'),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy,
      // Notifications and events expire after RETENTION_DAYS, bookings after seven years.
      timeToLiveAttribute: TTL_ATTRIBUTE,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: GSI1,
      partitionKey: key('GSI1PK'),
      sortKey: key('GSI1SK'),
    });
    this.table.addGlobalSecondaryIndex({
      indexName: GSI2,
      partitionKey: key('GSI2PK'),
      sortKey: key('GSI2SK'),
    });
  }

  /** Exact ARNs of the table and its indexes: grants never use `index/*`. */
  arns(): string[] {
    return [
      this.table.tableArn,
      `${this.table.tableArn}/index/${GSI1}`,
      `${this.table.tableArn}/index/${GSI2}`,
    ];
  }
}
