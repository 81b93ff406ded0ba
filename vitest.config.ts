import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Tests never touch the user's own incident library.
    env: { HINDSIGHT_DB: join(tmpdir(), `hindsight-test-${process.pid}.db`) },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
