import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.scratch/**', '.data/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: integration files share one MariaDB; two workers keep it busy without thrashing.
    maxWorkers: 2,
  },
});
