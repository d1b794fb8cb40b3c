/**
 * The intake benchmark's reference: the least any server on this stack (Node's http, postgres.js,
 * PostgreSQL) can do per public comment. No Express, no Remix, no validation, no rate limit: it reads
 * the urlencoded body, writes the comment and its outbox message with ONE prepared statement (the
 * same table, columns and CTE as app/intake/record-one-comment.server.ts) and answers
 * `302 Location: /receipt/<code>`. Run beside the real server in the same benchmark run, its
 * comments/s is what this machine can do at best today; ours is reported as a share of it.
 *
 *   DATABASE_URL=postgres://… PORT=3919 node --import tsx scripts/bench/reference-server.ts
 *
 * Answers every POST, whatever the path, for the demo draft (BENCH_DRAFT, default
 * personal-information-protection); prints "listening on" when ready (see server-process.ts).
 */
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import postgres from "postgres";
import { newReceiptCode } from "../../app/intake/receipt-code";
import { isReceiptClash } from "../../app/intake/record-comments.server";
import { plainTextToEditorState } from "../../app/platform/rich-text/plain-text";
import { renderRichText } from "../../app/platform/rich-text/render.server";
import { timeOrderedId } from "../../app/platform/time-ordered-id";
import { requestOrigin } from "../http/forwarded";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("reference server: set DATABASE_URL");
const port = Number(process.env.PORT ?? 3919);
const host = process.env.HOST ?? "127.0.0.1";
const slug = process.env.BENCH_DRAFT ?? "personal-information-protection";

// As many connections as the app's pool (db/client.ts).
const sql = postgres(url, { max: 10, idle_timeout: 20, onnotice: () => {} });

// Looked up once: the draft's latest published version, its consultation, its clauses by key.
const [target] = await sql<{ draft_id: string; version_id: string; consultation_id: string; moderation: string }[]>`
  select d.id as draft_id, v.id as version_id, c.id as consultation_id, c.moderation
  from drafts d
  join draft_versions v on v.draft_id = d.id and v.status = 'published'
  join consultations c on c.version_id = v.id
  where d.slug = ${slug}
  order by v.seq desc
  limit 1`;
if (!target) throw new Error(`reference server: no published version with a consultation for draft "${slug}"`);
const provisionIds = new Map(
  (await sql<{ id: string; stable_key: string }[]>`select id, stable_key from provisions where version_id = ${target.version_id}`).map((p) => [p.stable_key, p.id]),
);
const moderationStatus = target.moderation === "pre" ? "pending" : "approved";
const secret = randomBytes(32);

/** One comment and its outbox message; the receipt code (an earlier one for a repeated key). */
async function record(form: URLSearchParams, clientIp: string): Promise<string> {
  const key = form.get("provision") || null;
  const text = form.get("body") ?? "";
  // The same editor state, HTML and text the app stores for a plain-text comment.
  const json = plainTextToEditorState(text);
  const body = renderRichText(json);
  const idempotencyKey = form.get("idempotencyKey");
  const clientHash = createHmac("sha256", secret).update(clientIp).digest("base64url").slice(0, 22);
  for (let attempt = 0; ; attempt++) {
    try {
      const rows = await sql<{ receipt_code: string }[]>`
        with c as (
          insert into comments (
            id, receipt_code, draft_id, version_id, provision_id, provision_key, consultation_id, source, channel, category,
            body_json, body_html, body_text, moderation_status, idempotency_key, client_hash
          ) values (
            ${timeOrderedId()}, ${newReceiptCode()}, ${target!.draft_id}, ${target!.version_id}, ${key ? (provisionIds.get(key) ?? null) : null}, ${key}, ${target!.consultation_id},
            'public', 'online', ${form.get("category") || "other"},
            ${sql.json(json as never)}, ${body.html}, ${body.text}, ${moderationStatus}, ${idempotencyKey}, ${clientHash}
          )
          on conflict (idempotency_key) do nothing
          returning id, receipt_code
        ),
        o as (
          insert into outbox (topic, aggregate_type, aggregate_id, dedup_key, payload)
          select 'comment.changed', 'comment', c.id::text, 'comment:' || c.id::text, '{"reason":"created"}'::jsonb from c
        )
        select receipt_code from c`;
      if (rows[0]) return rows[0].receipt_code;
      const [earlier] = await sql<{ receipt_code: string }[]>`select receipt_code from comments where idempotency_key = ${idempotencyKey}`;
      if (!earlier) throw new Error("idempotency key conflicted but no comment holds it");
      return earlier.receipt_code;
    } catch (error) {
      if (!isReceiptClash(error) || attempt >= 5) throw error;
    }
  }
}

const server = http.createServer((req, res) => {
  if (req.method !== "POST") {
    res.writeHead(405, { Allow: "POST" }).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const { clientIp } = requestOrigin(req.headers, req.socket, true);
    record(new URLSearchParams(Buffer.concat(chunks).toString("utf8")), clientIp).then(
      (code) => res.writeHead(302, { Location: `/receipt/${code}` }).end(),
      (error: unknown) => {
        console.error(error);
        res.writeHead(500).end();
      },
    );
  });
});

server.listen(port, host, () => console.log(`reference server listening on http://${host}:${port}`));

const stop = () => {
  server.close();
  server.closeAllConnections();
  void sql.end({ timeout: 2 }).finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
