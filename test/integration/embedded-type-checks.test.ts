import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedTable, startEmbeddedTable } from '../support/embedded-table.ts';

const TABLE = 'TypeChecks';
let embedded: EmbeddedTable;

beforeAll(async () => {
  embedded = await startEmbeddedTable(TABLE);
});
afterAll(() => embedded?.close());

/** A PutItem as raw JSON: the SDK would not send a member of the wrong type. */
async function put(Item: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(embedded.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.PutItem',
      'x-amz-date': '20260101T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=local',
    },
    body: JSON.stringify({ TableName: TABLE, Item }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const key = { PK: { S: 'P' }, SK: { S: 'S' } };
const nested = (leaf: unknown) => ({
  ...key,
  m: { M: { x: { L: [{ N: '1' }, { M: { y: leaf } }] } } },
});

describe("the embedded store's request type checks", () => {
  it('take well-typed values, nested in lists and maps', async () => {
    expect(await put(nested({ S: 'z' }))).toEqual({ status: 200, body: {} });
  });

  it.each([
    [nested({ S: 5 }), 'NUMBER_VALUE cannot be converted to String'],
    [nested({ BOOL: 'maybe' }), 'Unexpected token received from parser'],
    [{ ...key, m: { SS: 'x' } }, 'Unexpected field type'],
    [
      { ...key, m: { B: 'abc' } },
      'Base64 encoded length is expected a multiple of 4 bytes but found: 3',
    ],
  ])('refuse a value of the wrong type at any depth (%#)', async (Item, Message) => {
    expect(await put(Item)).toEqual({
      status: 400,
      body: { __type: 'com.amazon.coral.service#SerializationException', Message },
    });
  });
});
