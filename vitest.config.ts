import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/kafka needs real Kafka and DynamoDB Local, test/reference Java and Maven:
    // `npm run test:integration`.
    exclude: ['test/kafka/**', 'test/reference/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
