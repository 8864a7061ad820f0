import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { deserializeError, serializeError } from '../../../src/runtime/api-thread-protocol.ts';

/** As the error crosses to the API's thread: serialized, cloned, rebuilt. */
const across = (error: unknown) => deserializeError(structuredClone(serializeError(error)));

describe('store errors across threads', () => {
  it('come back of their own class with their fields: the stores test them with instanceof', () => {
    const failed = across(
      new ConditionalCheckFailedException({
        message: 'The conditional request failed',
        $metadata: { httpStatusCode: 400 },
        Item: { PK: { S: 'PASSENGER#P001' } },
      }),
    );
    expect(failed).toBeInstanceOf(ConditionalCheckFailedException);
    expect(failed.message).toBe('The conditional request failed');
    expect((failed as ConditionalCheckFailedException).Item).toEqual({
      PK: { S: 'PASSENGER#P001' },
    });
    const cancelled = across(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
      }),
    );
    expect(cancelled).toBeInstanceOf(TransactionCanceledException);
    expect((cancelled as TransactionCanceledException).CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed' },
    ]);
  });

  it('keep the name and message of any other error, and leave behind what cannot cross', () => {
    const other = Object.assign(new TypeError('bad input'), { code: 'E1', callback: () => 1 });
    const back = across(other);
    expect(back.name).toBe('TypeError');
    expect(back.message).toBe('bad input');
    expect((back as Error & { code?: string }).code).toBe('E1');
    expect(across('a string thrown').message).toBe('a string thrown');
  });
});
