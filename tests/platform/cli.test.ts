import { describe, expect, it } from "vitest";
import { runCli, UsageError, type Group } from "../../scripts/cli/registry";

function capture() {
  const lines: string[] = [];
  return { lines, out: { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s) } as unknown as Console };
}

const ran: string[][] = [];
const groups: Record<string, Group> = {
  law: {
    summary: "law texts",
    commands: {
      parse: {
        summary: "parse a file",
        usage: "<file> [--summary]",
        options: { summary: { type: "boolean" } },
        async run({ values, positionals }) {
          if (!positionals[0]) throw new UsageError("Give a file.");
          ran.push([positionals[0], String(values.summary)]);
          return 0;
        },
      },
    },
  },
};

describe("command line", () => {
  it("lists groups, and a group's commands, with --help", async () => {
    const a = capture();
    expect(await runCli(groups, ["--help"], a.out)).toBe(0);
    expect(a.lines.join("\n")).toMatch(/law\s+law texts/);
    const b = capture();
    expect(await runCli(groups, ["law", "--help"], b.out)).toBe(0);
    expect(b.lines.join("\n")).toMatch(/parse\s+parse a file/);
    const c = capture();
    expect(await runCli(groups, ["law", "parse", "--help"], c.out)).toBe(0);
    expect(c.lines.join("\n")).toContain("npm run cli -- law parse <file> [--summary]");
  });

  it("runs a command with its options and positionals", async () => {
    expect(await runCli(groups, ["law", "parse", "a.txt", "--summary"], capture().out)).toBe(0);
    expect(ran.at(-1)).toEqual(["a.txt", "true"]);
  });

  it("exits 2 with usage for unknown groups, commands, options and missing arguments", async () => {
    for (const argv of [["nope"], ["law", "nope"], ["law", "parse", "--bogus"], ["law", "parse"]]) {
      const c = capture();
      expect(await runCli(groups, argv, c.out), argv.join(" ")).toBe(2);
      expect(c.lines.join("\n")).toMatch(/Unknown|Usage/);
    }
  });
});
