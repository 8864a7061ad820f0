import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PassengerSchema } from '../../domain/records/passenger.ts';
import { type DeviceStore, DevicesChangingError } from '../../ports/push-devices.ts';
import type { SingleTable } from './single-table.ts';
import { keys, withoutKeys } from './table/table-keys.ts';

/** As many devices as a passenger record keeps (the schema's limit); the oldest goes first. */
const MAX_DEVICES = 10;
const ATTEMPTS = 5;

/**
 * Devices on the passenger item (`push_endpoints`, newest first), versioned: two registrations at
 * once cannot both build on the same list, the one that lost reads again and retries.
 */
export class DynamoDbDeviceStore implements DeviceStore {
  private readonly table: SingleTable;

  constructor(table: SingleTable) {
    this.table = table;
  }

  async addDevice(passengerId: string, endpoint: string): Promise<string[] | undefined> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const { Item: item } = await this.table.doc.send(
        new GetCommand({
          TableName: this.table.name,
          Key: keys.passenger(passengerId),
          ConsistentRead: true,
        }),
      );
      if (!item) return undefined;
      const current = PassengerSchema.parse(withoutKeys(item)).push_endpoints ?? [];
      const devices = [endpoint, ...current.filter((e) => e !== endpoint)].slice(0, MAX_DEVICES);
      const version = typeof item.devices_version === 'number' ? item.devices_version : 0;
      try {
        await this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.name,
            Key: keys.passenger(passengerId),
            UpdateExpression: 'SET push_endpoints = :devices, devices_version = :next',
            ConditionExpression:
              version === 0
                ? 'attribute_exists(PK) AND attribute_not_exists(devices_version)'
                : 'attribute_exists(PK) AND devices_version = :version',
            ExpressionAttributeValues: {
              ':devices': devices,
              ':next': version + 1,
              ...(version === 0 ? {} : { ':version': version }),
            },
          }),
        );
        return devices;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    throw new DevicesChangingError(
      `devices of ${passengerId} changed ${ATTEMPTS} times while registering`,
    );
  }
}
