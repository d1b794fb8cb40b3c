/**
 * 归纳意见: consolidated opinions and the links to their sources. Merging only ever adds links;
 * unlinking marks a link removed. Sources are comments or lower-level opinions sent up the chain.
 */
import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { drafts } from "./drafts";
import { opinionStatus } from "./enums";
import { comments } from "./intake";
import { contactPoints, organizations } from "./organizations";

export const opinions = pgTable(
  "opinions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    draftId: uuid("draft_id").notNull().references(() => drafts.id, { onDelete: "restrict" }),
    /** Stable key of the provision the opinion is about; null for the whole draft. */
    provisionKey: text("provision_key"),
    /** Who consolidated it: a contact point or an organisation (exactly one). */
    contactPointId: uuid("contact_point_id").references(() => contactPoints.id, { onDelete: "restrict" }),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "restrict" }),
    title: text("title"),
    bodyJson: jsonb("body_json"),
    bodyHtml: text("body_html").notNull(),
    bodyText: text("body_text").notNull(),
    proposedText: text("proposed_text"),
    reason: text("reason"),
    status: opinionStatus("status").notNull().default("draft"),
    /** Number of distinct people behind it (comments, through lower-level opinions too). */
    sourceCount: integer("source_count").notNull().default(0),
    /** Optimistic lock: a save with an older version is refused, so concurrent merges are told, not lost. */
    lockVersion: integer("lock_version").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("opinions_draft_provision_idx").on(t.draftId, t.provisionKey),
    check("opinions_one_owner", sql`(${t.contactPointId} is null) <> (${t.organizationId} is null)`),
  ],
);

export const opinionSources = pgTable(
  "opinion_sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    opinionId: uuid("opinion_id").notNull().references(() => opinions.id, { onDelete: "restrict" }),
    commentId: uuid("comment_id").references(() => comments.id, { onDelete: "restrict" }),
    sourceOpinionId: uuid("source_opinion_id").references((): AnyPgColumn => opinions.id, { onDelete: "restrict" }),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    removedBy: uuid("removed_by").references(() => users.id, { onDelete: "set null" }),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [
    index("opinion_sources_opinion_idx").on(t.opinionId),
    index("opinion_sources_comment_idx").on(t.commentId),
    index("opinion_sources_source_opinion_idx").on(t.sourceOpinionId),
    uniqueIndex("opinion_sources_live_comment_idx").on(t.opinionId, t.commentId).where(sql`${t.removedAt} is null and ${t.commentId} is not null`),
    uniqueIndex("opinion_sources_live_opinion_idx").on(t.opinionId, t.sourceOpinionId).where(sql`${t.removedAt} is null and ${t.sourceOpinionId} is not null`),
    check("opinion_sources_one_source", sql`(${t.commentId} is null) <> (${t.sourceOpinionId} is null)`),
    check("opinion_sources_not_self", sql`${t.sourceOpinionId} is null or ${t.sourceOpinionId} <> ${t.opinionId}`),
  ],
);
