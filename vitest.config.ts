import { defineConfig } from 'vitest/config';
import { frameContextFlags } from './src/runtime/frame-context.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/kafka needs real Kafka and DynamoDB Local, test/reference Java and Maven:
    // `npm run test:integration`.
    exclude: ['test/kafka/**', 'test/reference/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // AsyncLocalStorage as the runtime has it (src/runtime/frame-context.ts).
    execArgv: frameContextFlags(),
  },
});
