import { defineConfig } from "drizzle-kit";

// Used only to generate migrations (`npm run db:generate`); the app migrates itself at start.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
