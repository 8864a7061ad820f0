import { defineConfig } from 'vitest/config';

/** The integration suite: real Kafka and DynamoDB Local (`npm run infra:up` first). */
export default defineConfig({
  test: {
    include: ['test/kafka/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
