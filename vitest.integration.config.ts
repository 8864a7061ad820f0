import { defineConfig } from 'vitest/config';
import { frameContextFlags } from './src/runtime/frame-context.ts';

/**
 * The integration suite: real Kafka and DynamoDB Local (`npm run infra:up` first), and the
 * differential test against AWS's event-ruler (Java 17 and Maven).
 */
export default defineConfig({
  test: {
    include: ['test/kafka/**/*.test.ts', 'test/reference/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // AsyncLocalStorage as the runtime has it (src/runtime/frame-context.ts).
    execArgv: frameContextFlags(),
    fileParallelism: false,
  },
});
