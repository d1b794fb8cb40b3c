/**
 * Builds one migrated database per run and hands its location to every test file, which then
 * starts from a copy: a PGlite data-dir tarball, or a PostgreSQL template database.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDb } from "../../db/client";
import { adminUrl, databaseUrl } from "./pg-urls";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplateDb: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DB === "postgres" || project.config.env?.TEST_DB === "postgres") {
    const base = process.env.DATABASE_URL!;
    const name = `minyi_tpl_${process.pid}_${Date.now()}`;
    const { default: postgres } = await import("postgres");
    const admin = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const handle = await createDb({ kind: "postgres", url: databaseUrl(base, name) });
    await handle.close();
    project.provide("pgTemplateDb", name);
    project.provide("pgliteTemplate", "");
    return async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  }
  const dir = path.resolve("tests/.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar`);
  const handle = await createDb({ kind: "pglite-memory" });
  const blob = await handle.dumpDataDir!();
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", file);
  project.provide("pgTemplateDb", "");
  return () => rmSync(file, { force: true });
}
