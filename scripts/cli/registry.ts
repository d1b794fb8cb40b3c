/**
 * A small command registry: `npm run cli -- <group> <command> [options]`, with --help at every
 * level. Each group lives in its own file and registers plain async functions.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

export interface Command {
  summary: string;
  usage: string;
  options?: ParseArgsConfig["options"];
  run(args: { values: Record<string, string | boolean | string[] | boolean[] | undefined>; positionals: string[] }): Promise<number | void>;
}

export interface Group {
  summary: string;
  commands: Record<string, Command>;
}

export class UsageError extends Error {
  override name = "UsageError";
}

function groupHelp(name: string, group: Group): string {
  const width = Math.max(...Object.keys(group.commands).map((c) => c.length));
  return [
    `${name}: ${group.summary}`,
    "",
    "Commands:",
    ...Object.entries(group.commands).map(([c, cmd]) => `  ${c.padEnd(width)}  ${cmd.summary}`),
    "",
    `Run "npm run cli -- ${name} <command> --help" for a command's options.`,
  ].join("\n");
}

function rootHelp(groups: Record<string, Group>): string {
  const width = Math.max(...Object.keys(groups).map((g) => g.length));
  return [
    "Minyi command line",
    "",
    "Usage: npm run cli -- <group> <command> [options]",
    "",
    "Groups:",
    ...Object.entries(groups).map(([g, group]) => `  ${g.padEnd(width)}  ${group.summary}`),
    "",
    'Run "npm run cli -- <group> --help" for its commands.',
  ].join("\n");
}

export async function runCli(groups: Record<string, Group>, argv: string[], out = console): Promise<number> {
  const [groupName, commandName, ...rest] = argv;
  if (!groupName || groupName === "--help" || groupName === "-h" || groupName === "help") {
    out.log(rootHelp(groups));
    return groupName ? 0 : 1;
  }
  const group = groups[groupName];
  if (!group) {
    out.error(`Unknown group "${groupName}".\n\n${rootHelp(groups)}`);
    return 2;
  }
  if (!commandName || commandName === "--help" || commandName === "-h") {
    out.log(groupHelp(groupName, group));
    return commandName ? 0 : 1;
  }
  const command = group.commands[commandName];
  if (!command) {
    out.error(`Unknown command "${groupName} ${commandName}".\n\n${groupHelp(groupName, group)}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    out.log(`${command.summary}\n\nUsage: npm run cli -- ${groupName} ${commandName} ${command.usage}`);
    return 0;
  }
  try {
    const parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
    const code = await command.run(parsed as Parameters<Command["run"]>[0]);
    return typeof code === "number" ? code : 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      out.error(`${(error as Error).message}\n\nUsage: npm run cli -- ${groupName} ${commandName} ${command.usage}`);
      return 2;
    }
    throw error;
  }
}
