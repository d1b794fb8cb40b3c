/**
 * The import benchmark's ceiling: how fast this database takes N imported comments when nothing but
 * PostgreSQL does the work — ONE `INSERT … SELECT … FROM generate_series(1, N)` into `comments`, with
 * the table's real constraints (foreign keys, checks) and indexes, filling the columns an import
 * fills (draft, version, clause, consultation, contact point and region, a real comment_imports row,
 * who entered it, source "import", channel, category, said-on date, about 55 Chinese characters of body
 * as HTML and text, approved, unique scattered receipt codes). No commenters, no outbox, no file:
 * the real commit (import-bench.ts) also writes those, so its share of the ceiling stays below 1.
 * Foreign keys are checked the way the import checks them (app/intake/bulk-references.server.ts):
 * when the role may set session_replication_role, not by a trigger per row — here the references
 * are the same few rows, read above, so nothing is left unchecked.
 * Runs in a transaction that is rolled back: the database keeps nothing (but dead rows, until vacuum).
 */
import { MAY_SKIP_ROW_TRIGGERS_SQL } from "../../app/intake/bulk-references.server";
import { round } from "./measure";

export interface ImportCeiling {
  rows: number;
  ms: number;
  rowsPerSecond: number;
  /** False when the statement ran without the per-row foreign-key triggers, as the import does. */
  perRowForeignKeyChecks: boolean;
}

class RolledBack extends Error {}

const SENTENCES = [
  "建议进一步明确个人信息处理者的告知义务和告知方式，使用老年人能够看懂的语言，并在显著位置提示。",
  "本条规定的期限过短，基层单位难以在规定时间内完成核查和答复工作，建议将期限延长至三十个工作日。",
  "建议增加对老年人、残疾人和未成年人等特殊群体的保护措施，并明确监护人同意的具体程序和方式。",
  "建议明确有关监管部门的职责分工和协调机制，避免多头管理和相互推诿，切实减轻企业和群众的负担。",
  "建议细化违法行为的法律责任，区分情节轻重规定相应处罚，加大对屡次违法和情节严重行为的处罚力度。",
];

/**
 * Inserts `rows` comments for the demo draft as the demo staff member's contact point would import
 * them, times that one statement, and rolls everything back. Needs the demo seeded (seed/demo.ts).
 */
export async function measureImportCeiling(databaseUrl: string, options: { rows: number; slug?: string; staffUsername?: string }): Promise<ImportCeiling> {
  const { default: postgres } = await import("postgres");
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let ms = Number.NaN;
  let perRowForeignKeyChecks = true;
  try {
    await sql.begin(async (tx) => {
      const [staff] = await tx<{ user_id: string; contact_point_id: string; region: string | null }[]>`
        select u.id as user_id, m.contact_point_id, cp.region_code as region
        from users u join memberships m on m.user_id = u.id join contact_points cp on cp.id = m.contact_point_id
        where u.username = ${options.staffUsername ?? "staff"}
        limit 1`;
      const [target] = await tx<{ draft_id: string; version_id: string; consultation_id: string | null }[]>`
        select d.id as draft_id, v.id as version_id, c.id as consultation_id
        from drafts d
        join draft_versions v on v.draft_id = d.id and v.status = 'published'
        left join consultations c on c.version_id = v.id
        where d.slug = ${options.slug ?? "personal-information-protection"}
        order by v.seq desc
        limit 1`;
      if (!staff || !target) throw new Error("import ceiling: seed the demo first (no staff contact point or no published draft)");
      const [imported] = await tx<{ id: string }[]>`
        insert into comment_imports (contact_point_id, draft_id, status, total_rows, processed_rows, created_by)
        values (${staff.contact_point_id}, ${target.draft_id}, 'importing', ${options.rows}, 0, ${staff.user_id})
        returning id`;
      const [role] = await tx.unsafe<{ may: boolean }[]>(MAY_SKIP_ROW_TRIGGERS_SQL);
      perRowForeignKeyChecks = !role?.may;
      if (role?.may) await tx`set local session_replication_role = replica`;
      const t0 = performance.now();
      // Ids grow, as the app's (UUIDv7, app/platform/time-ordered-id.ts) do; clauses and body cycle
      // through arrays; receipt codes are unique (an odd multiplier is a bijection mod 2^32) yet
      // scattered over the index like the app's random ones, and start with "CL-" so they cannot
      // meet the app's "MY-" codes.
      await tx`
        with clauses as (
          select array_agg(id order by ordinal) as ids, array_agg(stable_key order by ordinal) as keys
          from provisions where version_id = ${target.version_id} and kind = 'article'
        )
        insert into comments (
          id, receipt_code, draft_id, version_id, provision_id, provision_key, consultation_id, contact_point_id, import_id,
          source, channel, category, region, body_html, body_text, moderation_status, entered_by, said_on
        )
        select
          (lpad(to_hex((extract(epoch from now()) * 1000)::bigint), 12, '0') || '7' || lpad(to_hex(g % 4096), 3, '0') || '8' || lpad(to_hex(g), 15, '0'))::uuid,
          'CL-' || lpad(to_hex((g * 2654435761) % 4294967296), 8, '0'),
          ${target.draft_id}::uuid, ${target.version_id}::uuid,
          clauses.ids[1 + g % cardinality(clauses.ids)], clauses.keys[1 + g % cardinality(clauses.keys)],
          ${target.consultation_id}::uuid, ${staff.contact_point_id}::uuid, ${imported!.id}::uuid,
          'import', (array['symposium', 'visit', 'letter', 'phone', 'questionnaire'])[1 + g % 5]::channel,
          (array['resident', 'deputy', 'lawyer', 'enterprise', 'student', 'other'])[1 + g % 6]::commenter_category,
          ${staff.region}, '<p>' || body || '</p>', body, 'approved', ${staff.user_id}::uuid, current_date
        from clauses, generate_series(1::bigint, ${options.rows}::bigint) as g,
          lateral (select (${SENTENCES}::text[])[1 + g % ${SENTENCES.length}] || '（第' || g || '份）' as body) as b`;
      ms = performance.now() - t0;
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  } finally {
    await sql.end({ timeout: 5 });
  }
  return { rows: options.rows, ms: round(ms), rowsPerSecond: Math.round(options.rows / (ms / 1000)), perRowForeignKeyChecks };
}
