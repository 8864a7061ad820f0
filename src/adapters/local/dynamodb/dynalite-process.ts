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
  store.close().then(
    () => process.exit(0),
    (error: unknown) => {
      // Exiting with an error makes the parent's close() fail: a store that did not stop cleanly.
      console.error('the embedded store did not close cleanly:', error);
      process.exit(1);
    },
  );
});
