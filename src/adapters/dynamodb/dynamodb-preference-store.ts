import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type PreferenceChange,
  PreferenceChangeSchema,
  type Preferences,
  preferencesOf,
} from '../../domain/identity/preferences.ts';
import { PassengerSchema } from '../../domain/records/passenger.ts';
import type { PreferenceStore, StoredPreferences } from '../../ports/preference-store.ts';
import type { SingleTable } from './single-table.ts';
import { keys, prefixes, withoutKeys } from './table/table-keys.ts';

/**
 * Preferences on the single table: the current values on the passenger item (versioned, so two
 * changes at once cannot both build on the same state), each change as an item under the
 * passenger (`PREFERENCES#<version>`). No transactions (dynalite has none): the passenger item
 * is changed first, conditionally, then the history record is written under that version.
 */
export class DynamoDbPreferenceStore implements PreferenceStore {
  private readonly table: SingleTable;

  constructor(table: SingleTable) {
    this.table = table;
  }

  async get(passengerId: string): Promise<StoredPreferences | undefined> {
    const { Item: item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.passenger(passengerId) }),
    );
    if (!item) return undefined;
    return {
      preferences: preferencesOf(PassengerSchema.parse(withoutKeys(item))),
      version: typeof item.preferences_version === 'number' ? item.preferences_version : 0,
    };
  }

  async apply(
    passengerId: string,
    next: Preferences,
    record: PreferenceChange,
  ): Promise<'APPLIED' | 'CONFLICT' | 'NOT_FOUND'> {
    const { personalisation, ...channels } = next;
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.passenger(passengerId),
          UpdateExpression:
            'SET notification_preferences = :channels, consents = :consents, preferences_version = :version, preferences_changed_at = :at',
          // The first change builds on a record that has never been changed.
          ConditionExpression:
            record.version === 1
              ? 'attribute_exists(PK) AND attribute_not_exists(preferences_version)'
              : 'attribute_exists(PK) AND preferences_version = :previous',
          ExpressionAttributeValues: {
            ':channels': channels,
            ':consents': { personalisation },
            ':version': record.version,
            ...(record.version === 1 ? {} : { ':previous': record.version - 1 }),
            ':at': record.changed_at,
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await this.get(passengerId)) ? 'CONFLICT' : 'NOT_FOUND';
    }
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: {
          ...keys.preferenceChange(passengerId, record.version),
          passenger_id: passengerId,
          ...record,
        },
      }),
    );
    return 'APPLIED';
  }

  async history(passengerId: string): Promise<PreferenceChange[]> {
    const items = await this.table.all({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: {
        ':pk': keys.passenger(passengerId).PK,
        ':sk': prefixes.preferenceChange,
      },
    });
    return items.map((item) => PreferenceChangeSchema.parse(withoutKeys(item)));
  }
}
