import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const alias = { "~": path.join(root, "app") };
const withPostgres = !!process.env.DATABASE_URL;

/**
 * unit: pure logic, no database. db: integration tests on PGlite (each file starts from a migrated
 * template) and, when DATABASE_URL is set, the same files again on that PostgreSQL server.
 * e2e: Chromium against the built app.
 */
export default defineConfig({
  root,
  resolve: { alias },
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { resolve: { alias }, test: { name: "unit", root, include: ["tests/**/*.test.ts"], exclude: ["tests/**/*.db.test.ts", "tests/e2e/**"] } },
      {
        resolve: { alias },
        test: {
          name: "db:pglite", root, include: ["tests/**/*.db.test.ts"], env: { TEST_DB: "pglite" },
          globalSetup: ["tests/support/global-setup-db.ts"], testTimeout: 60_000, hookTimeout: 120_000,
        },
      },
      ...(withPostgres
        ? [{
            resolve: { alias },
            test: {
              name: "db:postgres", root, include: ["tests/**/*.db.test.ts"], env: { TEST_DB: "postgres" },
              globalSetup: ["tests/support/global-setup-db.ts"], testTimeout: 60_000, hookTimeout: 120_000,
            },
          }]
        : []),
      {
        resolve: { alias },
        test: {
          name: "e2e", root, include: ["tests/e2e/**/*.e2e.test.ts"], globalSetup: ["tests/support/global-setup-e2e.ts"],
          testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false,
        },
      },
    ],
  },
});
