import { createDb } from "../../db/client";
import { readConfig } from "../../app/platform/config.server";
import { printCredentials } from "../seed/credentials";
import { seedDemoIfEmpty } from "../seed/demo";
import type { Group } from "./registry";

export const dbGroup: Group = {
  summary: "database: migrate and seed (PGlite in DATA_DIR, or DATABASE_URL)",
  commands: {
    migrate: {
      summary: "apply pending migrations",
      usage: "",
      async run() {
        const config = readConfig();
        const handle = await createDb(config.database);
        await handle.close();
        console.log(`migrated (${handle.kind})`);
      },
    },
    seed: {
      summary: "seed the demo organisations, accounts and draft into an empty database",
      usage: "",
      async run() {
        const config = readConfig();
        const handle = await createDb(config.database);
        try {
          const seeded = await seedDemoIfEmpty(handle.db, { now: new Date() });
          if (seeded) printCredentials(seeded.credentials);
          else console.log("The database is not empty; nothing seeded.");
        } finally {
          await handle.close();
        }
      },
    },
  },
};
