/**
 * dynalite as a process of its own (forked by startEmbeddedDynamoDb with `ownProcess`): the
 * store's work (request parsing, LevelDB, its memory-mapped tables) runs beside the runtime
 * instead of on its event loop, as DynamoDB does. It says where it listens over the IPC channel
 * and stops when that channel closes, so it never outlives the process that started it.
 */
import { startEmbeddedDynamoDb } from './embedded-dynamodb.ts';

const store = await startEmbeddedDynamoDb(process.argv[2] || undefined);
process.send?.({ endpoint: store.endpoint });
process.once('disconnect', () => {
  void store.close().finally(() => process.exit(0));
});
