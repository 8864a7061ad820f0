import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { GSI1, GSI2 } from './table/table-keys.ts';

/** FlightPulseTable as the specification defines it: PK/SK, GSI1 and GSI2, streams on. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const index = (name: string, pk: string, sk: string) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: pk, KeyType: 'HASH' as const },
      { AttributeName: sk, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'].map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [index(GSI1, 'GSI1PK', 'GSI1SK'), index(GSI2, 'GSI2PK', 'GSI2SK')],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}
