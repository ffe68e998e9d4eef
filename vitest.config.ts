import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts'],
    // Most tests need no DOM; the few that do say so on their first line (`// @vitest-environment happy-dom`).
    environment: 'node',
    restoreMocks: true,
  },
});
