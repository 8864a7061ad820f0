import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { StoreLanes } from '../../../src/runtime/store-lanes.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

/**
 * A client whose requests never leave the process: each is answered when the test releases it,
 * and the client counts the workflows' (table "bulk") requests in flight.
 */
function heldStore(lanes: StoreLanes) {
  const client = new DynamoDBClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9' });
  let release!: () => void;
  const released = new Promise<void>((r) => {
    release = r;
  });
  const bulk = { running: 0, most: 0 };
  lanes.gate(client);
  client.middlewareStack.add(
    () => async (args) => {
      const input = args.input as { TableName: string };
      if (input.TableName !== 'bulk') return { output: { $metadata: {} }, response: {} };
      bulk.running++;
      bulk.most = Math.max(bulk.most, bulk.running);
      await released;
      bulk.running--;
      return { output: { $metadata: {} }, response: {} };
    },
    { step: 'initialize', name: 'heldStore', priority: 'low' },
  );
  const get = (table: string) =>
    client.send(new GetItemCommand({ TableName: table, Key: { PK: { S: 'k' } } }));
  const workflows = (n: number) =>
    Array.from({ length: n }, () => lanes.bulkWork(() => get('bulk')));
  return { get, workflows, bulk, release };
}

describe('store lanes', () => {
  it('keeps the workflows to one store request while priority work that asked the store is under way', async () => {
    const lanes = new StoreLanes(4);
    const store = heldStore(lanes);
    let finishIngest!: () => void;
    const ingest = lanes.priority(async () => {
      await store.get('ingest');
      await new Promise<void>((r) => {
        finishIngest = r;
      });
    });
    await tick();
    const requests = store.workflows(6);
    await tick();
    expect(store.bulk.running).toBe(1);
    finishIngest();
    await ingest;
    await tick();
    expect(store.bulk.running).toBe(4);
    store.release();
    await Promise.all(requests);
    expect(store.bulk.most).toBe(4);
  });

  it('leaves the workflows their slots while priority work never asks the store', async () => {
    const lanes = new StoreLanes(4);
    const store = heldStore(lanes);
    let finishHealth!: () => void;
    const health = lanes.priority(
      () =>
        new Promise<void>((r) => {
          finishHealth = r;
        }),
    );
    const requests = store.workflows(6);
    await tick();
    expect(store.bulk.running).toBe(4);
    finishHealth();
    await health;
    store.release();
    await Promise.all(requests);
  });

  it('gives the workflows their slots back when priority work fails', async () => {
    const lanes = new StoreLanes(3);
    const store = heldStore(lanes);
    await expect(
      lanes.priority(async () => {
        await store.get('ingest');
        throw new Error('bus down');
      }),
    ).rejects.toThrow('bus down');
    const requests = store.workflows(5);
    await tick();
    expect(store.bulk.running).toBe(3);
    store.release();
    await Promise.all(requests);
  });
});
