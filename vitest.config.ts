import { defineConfig } from 'vitest/config';

export default defineConfig({
  // src/runtime/zod.cts is TypeScript too (Vite's default leaves .cts out)
  oxc: { include: /\.([cm]?ts|[jt]sx)$/ },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
