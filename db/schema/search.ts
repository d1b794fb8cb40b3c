/**
 * The embedded search engine's index: one row per searchable document (comment or provision).
 *
 * Derived data, rebuilt from the database at will: no foreign keys, so a rebuild is a plain
 * delete + insert and intake never waits on (or is blocked by) the index. Filterable fields are
 * typed columns so the planner can use btree/GIN indexes; `doc` is the whole document returned
 * as a hit; `tsv` holds jieba search-mode terms (see search/postgres-engine.ts for the weights).
 */
import { sql } from "drizzle-orm";
import {
  boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp,
} from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => "tsvector" });

export const searchDocuments = pgTable(
  "search_documents",
  {
    /** "comment" | "provision" (DocumentKind); text, not an enum, so the contract can grow freely. */
    kind: text("kind").notNull(),
    id: text("id").notNull(),
    draftId: text("draft_id").notNull(),
    versionId: text("version_id").notNull(),
    chapterKey: text("chapter_key"),
    provisionKey: text("provision_key"),
    articleNumber: integer("article_number"),
    /** The document's own article and every article its text names (GIN, `&&`). */
    articleRefs: integer("article_refs").array().notNull().default(sql`'{}'::integer[]`),
    contactPointId: text("contact_point_id"),
    /** The contact point's organisation and its ancestors (GIN, `&&`). */
    organizationIds: text("organization_ids").array().notNull().default(sql`'{}'::text[]`),
    region: text("region"),
    channel: text("channel"),
    category: text("category"),
    status: text("status"),
    moderation: text("moderation"),
    date: date("date"),
    createdAt: timestamp("created_at", { withTimezone: true }),
    /** Provisions: whether their version is published. */
    published: boolean("published"),
    /** Provisions: document order within the version. */
    ordinal: integer("ordinal"),
    doc: jsonb("doc").notNull(),
    tsv: tsvector("tsv").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.id] }),
    index("search_documents_tsv_idx").using("gin", t.tsv),
    index("search_documents_article_refs_idx").using("gin", t.articleRefs),
    index("search_documents_organization_ids_idx").using("gin", t.organizationIds),
    // Browse and "newest/oldest" walk these in order and stop at the page; the draft is the
    // filter nearly every officer query carries.
    index("search_documents_kind_created_idx").on(t.kind, t.createdAt.desc(), t.id),
    index("search_documents_draft_created_idx").on(t.kind, t.draftId, t.createdAt.desc(), t.id),
    index("search_documents_version_position_idx").on(t.kind, t.versionId, t.ordinal),
    index("search_documents_provision_idx").on(t.kind, t.provisionKey),
    index("search_documents_contact_point_idx").on(t.kind, t.contactPointId),
    index("search_documents_region_idx").on(t.kind, t.region),
    index("search_documents_date_idx").on(t.kind, t.date),
  ],
);
