/**
 * npm run bench -- intake (wired by the lead): bulk import of N comments from a realistic .xlsx —
 * sentences of real laws from the corpus as views and proposed wording, random articles of the demo
 * draft, categories, channels, phones and dates — measuring validation (upload) and commit in rows/s.
 * Target (issue "bulk import"): ≥ 20,000 rows/s on PostgreSQL for 100,000 rows.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client";
import { comments, memberships, users } from "../../db/schema";
import { loadPrincipal } from "../../app/accounts/principal.server";
import { clauseOptions, commentTarget } from "../../app/intake/comment-target.server";
import { startCommit, type BatchWriter } from "../../app/intake/import/commit-import.server";
import { COLUMN_NAMES, IMPORT_COLUMNS } from "../../app/intake/import/import-columns";
import { uploadImport } from "../../app/intake/import/upload-import.server";
import { CATEGORY_CHOICES, CHANNEL_CHOICES } from "../../app/intake/import/vocabulary-names";
import { seedDemoIfEmpty } from "../seed/demo";
import { round } from "./measure";

const FALLBACK_SENTENCES = [
  "建议进一步明确个人信息处理者的告知义务和告知方式",
  "本条规定的期限过短，基层难以执行，建议延长至三十日",
  "建议增加对老年人、残疾人等特殊群体的保护措施",
  "建议明确监管部门的职责分工，避免多头管理",
  "建议细化法律责任，加大对违法行为的处罚力度",
];

/** Sentences of real law texts (Chinese, 12–120 characters), or a few fixed ones without the corpus. */
export function lawSentences(corpusDir = process.env.CORPUS_DIR ?? path.resolve("../shared/corpus"), max = 5_000): string[] {
  const dir = path.join(corpusDir, "laws");
  if (!existsSync(dir)) return FALLBACK_SENTENCES;
  const out: string[] = [];
  for (const file of readdirSync(dir).sort()) {
    for (const s of readFileSync(path.join(dir, file), "utf8").split(/[。；\n]/)) {
      const t = s.replace(/^[\s\u3000#>*]+|第[一二三四五六七八九十百千零]+条[\s\u3000]*/g, "").trim();
      if (t.length >= 12 && t.length <= 120 && /^[\u4e00-\u9fff]/.test(t)) out.push(`${t}。`);
      if (out.length >= max) return out;
    }
  }
  return out.length > 0 ? out : FALLBACK_SENTENCES;
}

/** A small, seeded random source, so a sheet can be made again identically. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

const CN_DIGITS = "零一二三四五六七八九";
function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
  const rest = n % 100;
  return `${CN_DIGITS[Math.floor(n / 100)]}百${rest === 0 ? "" : rest < 10 ? `零${CN_DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest)}`;
}

/** An .xlsx of `rows` comments the way staff keep them, written with exceljs's streaming writer. */
export async function generateImportSheet(options: { rows: number; articles: number[]; sentences: string[]; seed?: number; today: string }): Promise<Uint8Array> {
  const pick = random(options.seed ?? 20_261_130);
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet("意见");
  ws.addRow(["某街道基层立法联系点意见汇总表"]).commit();
  ws.addRow(IMPORT_COLUMNS.map((c) => COLUMN_NAMES[c].header)).commit();
  const categories = Object.values(CATEGORY_CHOICES).concat(["村民", "群众", "机关干部"]);
  const channels = Object.values(CHANNEL_CHOICES);
  const names = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄"];
  const [y, m] = options.today.split("-").map(Number) as [number, number];
  for (let i = 1; i <= options.rows; i++) {
    const article = options.articles[pick(options.articles.length)]!;
    const style = pick(4);
    const sentence = options.sentences[pick(options.sentences.length)]!;
    ws.addRow([
      i,
      pick(20) === 0 ? "全文" : style === 0 ? article : style === 1 ? `${article}条` : `第${chineseNumber(article)}条`,
      `建议修改：${sentence}${pick(3) === 0 ? options.sentences[pick(options.sentences.length)] : ""}`,
      pick(2) === 0 ? `修改为：${options.sentences[pick(options.sentences.length)]}` : null,
      pick(3) === 0 ? "便于基层理解和执行。" : null,
      pick(4) === 0 ? null : `${names[pick(names.length)]}${"某"}${i % 100}`,
      categories[pick(categories.length)],
      pick(3) === 0 ? null : `1${3 + pick(7)}${String(10_000_000 + pick(89_999_999)).padStart(9, "0")}`,
      pick(5) === 0 ? null : channels[pick(channels.length)],
      pick(2) === 0 ? new Date(Date.UTC(y, m - 1, 1)) : `${y}年${m}月1日`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

export interface ImportBenchResult {
  rows: number;
  fileBytes: number;
  generateMs: number;
  validate: { ms: number; rowsPerSecond: number; status: string };
  commit: { ms: number; rowsPerSecond: number; imported: number; status: string };
  target: string;
}

/**
 * Seeds the demo when the database is empty, imports `rows` comments as the demo staff member, and
 * times both steps. `writeBatch` replaces the bulk writer, to compare another way of writing.
 */
export async function benchImport(db: Db, options: { rows: number; corpusDir?: string; writeBatch?: BatchWriter }): Promise<ImportBenchResult> {
  const now = new Date();
  await seedDemoIfEmpty(db, { now, passwords: { admin: "bench-admin-1", officer: "bench-officer-1", staff: "bench-staff-1" } });
  const [staff] = await db.select({ id: users.id, cp: memberships.contactPointId }).from(users).innerJoin(memberships, eq(memberships.userId, users.id)).where(eq(users.username, "staff"));
  if (!staff?.cp) throw new Error("bench: no staff account with a contact point");
  const actor = await loadPrincipal(db, staff.id);
  const target = await commentTarget(db, { slug: "personal-information-protection" }, now);
  if (!target) throw new Error("bench: the demo draft is missing");
  const articles = (await clauseOptions(db, target.version.id)).filter((c) => c.kind === "article" && c.suffix === null).map((c) => c.number!);

  let t0 = performance.now();
  const bytes = await generateImportSheet({ rows: options.rows, articles, sentences: lawSentences(options.corpusDir), today: now.toISOString().slice(0, 10) });
  const generateMs = performance.now() - t0;

  t0 = performance.now();
  const uploaded = await uploadImport(db, actor, { contactPointId: staff.cp, draftId: target.draft.id, defaultChannel: "symposium", file: { name: "bench.xlsx", bytes } }, { now });
  const validateMs = performance.now() - t0;
  if (!uploaded.ok || uploaded.value.status !== "ready") throw new Error(`bench: validation did not pass: ${JSON.stringify(uploaded)}`);

  t0 = performance.now();
  const started = await startCommit(db, actor, uploaded.value.id, { now: new Date(), releaseAfterMs: 0, writeBatch: options.writeBatch });
  if (!started.ok || !started.value.job) throw new Error("bench: the commit did not start");
  const result = await started.value.job;
  const commitMs = performance.now() - t0;
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(comments).where(eq(comments.importId, uploaded.value.id));
  return {
    rows: options.rows,
    fileBytes: bytes.byteLength,
    generateMs: round(generateMs),
    validate: { ms: round(validateMs), rowsPerSecond: Math.round(options.rows / (validateMs / 1000)), status: uploaded.value.status },
    commit: { ms: round(commitMs), rowsPerSecond: Math.round(options.rows / (commitMs / 1000)), imported: n, status: result.ok ? "done" : `failed (${result.code})` },
    target: "≥ 20,000 rows/s on PostgreSQL for 100,000 rows",
  };
}
