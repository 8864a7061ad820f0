import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

export type Key = Record<string, AttributeValue>;
export type Image = Record<string, AttributeValue> | undefined;

/**
 * A NEW_AND_OLD_IMAGES record as DynamoDB Streams delivers it, or undefined when the write
 * changed nothing (Streams emits no record for an identical put either).
 */
export function streamRecord(
  change: { key: Key; oldImage: Image; newImage: Image },
  stream: { tableName: string; region: string; sequence: number; now: number },
): DynamoDBRecord | undefined {
  const { key, oldImage, newImage } = change;
  if (sameImage(oldImage, newImage)) return undefined;
  const { tableName, region, sequence, now } = stream;
  return {
    eventID: `${now}-${sequence}`,
    eventName: !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: `arn:aws:dynamodb:${region}:000000000000:table/${tableName}/stream/local`,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(now / 1000),
      Keys: key as never,
      ...(newImage ? { NewImage: newImage as never } : {}),
      ...(oldImage ? { OldImage: oldImage as never } : {}),
      SequenceNumber: String(sequence).padStart(21, '0'),
      SizeBytes: JSON.stringify(newImage ?? oldImage ?? {}).length,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

/** Equal items whatever the order of their attributes (a written item and a stored one differ there). */
function sameImage(a: Image, b: Image): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) =>
      x < y ? -1 : x > y ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
