/** Draft laws, their immutable published versions, the provision tree and consultations. */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { draftKind, moderationMode, provisionKind, versionStatus } from "./enums";
import { contactPoints, organizations } from "./organizations";

export const drafts = pgTable(
  "drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** URL name, e.g. "personal-information-protection". */
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    titleEn: text("title_en"),
    kind: draftKind("kind").notNull().default("law"),
    /** The body that owns and publishes the draft. */
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "restrict" }),
    /** For amendment drafts: the draft (law) whose articles it amends, when it is on the platform. */
    amendsDraftId: uuid("amends_draft_id").references((): AnyPgColumn => drafts.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("drafts_slug_idx").on(t.slug), index("drafts_org_idx").on(t.organizationId)],
);

/** 征求意见稿, 二审稿 …: once `status` is published, a trigger forbids changing its text or provisions. */
export const draftVersions = pgTable(
  "draft_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    draftId: uuid("draft_id").notNull().references(() => drafts.id, { onDelete: "restrict" }),
    /** 1, 2, 3 … in order of creation within the draft. */
    seq: integer("seq").notNull(),
    label: text("label").notNull(),
    status: versionStatus("status").notNull().default("draft"),
    /** The imported source as given (plain text or Markdown; DOCX is stored as its extracted text). */
    sourceText: text("source_text").notNull(),
    sourceFormat: text("source_format").notNull(),
    sourceFileName: text("source_file_name"),
    /** sha256 of sourceText, to recognise re-imports of the same text. */
    sourceSha256: text("source_sha256").notNull(),
    /** 草案说明 as Lexical JSON with derived HTML and text. */
    explanationJson: jsonb("explanation_json"),
    explanationHtml: text("explanation_html"),
    explanationText: text("explanation_text"),
    /** Parser warnings, shown before publishing. */
    warnings: jsonb("warnings").notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("draft_versions_seq_idx").on(t.draftId, t.seq),
    check("draft_versions_published_has_time", sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
  ],
);

/**
 * One node of a version's structure (编 … 目). `stableKey` identifies "the same clause" across
 * versions of one draft: it is carried over when an article is matched to its predecessor, so
 * comments and links keep pointing at the clause after redrafts.
 */
export const provisions = pgTable(
  "provisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id").notNull().references(() => draftVersions.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => provisions.id, { onDelete: "cascade" }),
    stableKey: text("stable_key").notNull(),
    kind: provisionKind("kind").notNull(),
    /** 128 for 第一百二十八条; null for unnumbered provisions (序言, an unnumbered 附则). */
    number: integer("number"),
    /** 1 for 之一 articles. */
    suffix: integer("suffix"),
    label: text("label").notNull(),
    heading: text("heading"),
    text: text("text").notNull().default(""),
    /** Document order within the version (0, 1, 2 …, depth-first). */
    ordinal: integer("ordinal").notNull(),
    depth: integer("depth").notNull(),
    /** Akoma Ntoso style id, e.g. "chp_2__art_128__para_2". */
    eid: text("eid").notNull(),
    /** For points of amendment drafts: which article of which law the point amends. */
    amendsLaw: text("amends_law"),
    amendsArticle: text("amends_article"),
  },
  (t) => [
    uniqueIndex("provisions_version_ordinal_idx").on(t.versionId, t.ordinal),
    uniqueIndex("provisions_version_key_idx").on(t.versionId, t.stableKey),
    index("provisions_parent_idx").on(t.parentId),
    index("provisions_version_kind_number_idx").on(t.versionId, t.kind, t.number),
  ],
);

/** 征求意见: a window in which a version is open for comment, and the contact points asked. */
export const consultations = pgTable(
  "consultations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    draftId: uuid("draft_id").notNull().references(() => drafts.id, { onDelete: "restrict" }),
    versionId: uuid("version_id").notNull().references(() => draftVersions.id, { onDelete: "restrict" }),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    moderation: moderationMode("moderation").notNull().default("post"),
    /** Whether the public may comment online, or only contact points collect. */
    publicComments: boolean("public_comments").notNull().default(true),
    /** 征求意见函: the letter asking for views, shown to contact points. */
    requestText: text("request_text"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consultations_draft_idx").on(t.draftId),
    uniqueIndex("consultations_version_idx").on(t.versionId),
    check("consultations_window_order", sql`${t.closesAt} > ${t.opensAt}`),
  ],
);

export const consultationContactPoints = pgTable(
  "consultation_contact_points",
  {
    consultationId: uuid("consultation_id").notNull().references(() => consultations.id, { onDelete: "cascade" }),
    contactPointId: uuid("contact_point_id").notNull().references(() => contactPoints.id, { onDelete: "restrict" }),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp("due_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.contactPointId] })],
);
