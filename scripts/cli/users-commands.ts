import { eq } from "drizzle-orm";
import { createDb } from "../../db/client";
import { users } from "../../db/schema";
import { endAllSessions } from "../../app/accounts/sessions.server";
import { hashPassword } from "../../app/accounts/password.server";
import { readConfig } from "../../app/platform/config.server";
import { recordAudit } from "../../app/platform/audit.server";
import { readablePassword } from "../seed/credentials";
import { UsageError, type Group } from "./registry";

export const usersGroup: Group = {
  summary: "staff accounts: recover access from the server's console",
  commands: {
    "reset-password": {
      summary: "set a new random password for an account, end its sessions and print the password once",
      usage: "<username>",
      async run({ positionals }) {
        const username = positionals[0]?.trim().toLowerCase();
        if (!username) throw new UsageError("Give the username.");
        const handle = await createDb(readConfig().database);
        try {
          const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.username, username));
          if (!user) {
            console.error(`No account named "${username}".`);
            return 1;
          }
          const password = readablePassword();
          const passwordHash = await hashPassword(password);
          await handle.db.transaction(async (tx) => {
            await tx.update(users).set({ passwordHash, disabledAt: null }).where(eq(users.id, user.id));
            await endAllSessions(tx, user.id);
            await recordAudit(tx, { actorUserId: null, action: "account.password_reset_cli", subjectType: "user", subjectId: user.id });
          });
          console.log(`New password for ${username}: ${password}`);
        } finally {
          await handle.close();
        }
      },
    },
  },
};
