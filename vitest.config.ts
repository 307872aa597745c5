import { defineConfig } from "vitest/config";

// Three projects so that `npm test` can run fast, pure tests in parallel and
// keep the browser tests (one Chromium at a time on a 2-core machine) serial.
export default defineConfig({
  test: {
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["shared/**/*.test.ts", "extension/**/*.test.ts", "relay/**/*.test.ts"],
          environment: "node",
          setupFiles: ["./tests/support/fast-check-seed.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/e2e/**"],
          environment: "node",
          setupFiles: ["./tests/support/fast-check-seed.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          globalSetup: ["./tests/e2e/global-setup.ts"],
        },
      },
    ],
  },
});
