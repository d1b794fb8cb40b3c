/** `npm run cli -- <group> <command>`: the home of every command-line task. */
import { benchGroup } from "./cli/bench-commands";
import { dbGroup } from "./cli/db-commands";
import { lawGroup } from "./cli/law-commands";
import { runCli } from "./cli/registry";
import { searchGroup } from "./cli/search-commands";
import { usersGroup } from "./cli/users-commands";

const groups = {
  bench: benchGroup,
  db: dbGroup,
  law: lawGroup,
  search: searchGroup,
  users: usersGroup,
};

runCli(groups, process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
