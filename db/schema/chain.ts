/** 报送 and 采纳情况: what goes up the organisation tree and what comes back down. */
import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { consultations, draftVersions, drafts } from "./drafts";
import { adoptionStatus, submissionStatus } from "./enums";
import { attachments } from "./intake";
import { opinions } from "./merge";
import { contactPoints, organizations } from "./organizations";

export const submissions = pgTable(
  "submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    draftId: uuid("draft_id").notNull().references(() => drafts.id, { onDelete: "restrict" }),
    consultationId: uuid("consultation_id").references(() => consultations.id, { onDelete: "set null" }),
    /** Sender: a contact point or an organisation (exactly one). */
    fromContactPointId: uuid("from_contact_point_id").references(() => contactPoints.id, { onDelete: "restrict" }),
    fromOrganizationId: uuid("from_organization_id").references(() => organizations.id, { onDelete: "restrict" }),
    toOrganizationId: uuid("to_organization_id").notNull().references(() => organizations.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    note: text("note"),
    status: submissionStatus("status").notNull().default("draft"),
    /** The summary report as sent (意见汇总表), frozen at sending. */
    reportAttachmentId: uuid("report_attachment_id").references(() => attachments.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentBy: uuid("sent_by").references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }),
  },
  (t) => [
    index("submissions_to_idx").on(t.toOrganizationId),
    index("submissions_draft_idx").on(t.draftId),
    check("submissions_one_sender", sql`(${t.fromContactPointId} is null) <> (${t.fromOrganizationId} is null)`),
  ],
);

export const submissionOpinions = pgTable(
  "submission_opinions",
  {
    submissionId: uuid("submission_id").notNull().references(() => submissions.id, { onDelete: "restrict" }),
    opinionId: uuid("opinion_id").notNull().references(() => opinions.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.opinionId] }), index("submission_opinions_opinion_idx").on(t.opinionId)],
);

/**
 * 采纳情况 for an opinion. A new decision supersedes the previous one (history is kept);
 * feedback reaches every source comment through opinion_sources.
 */
export const adoptions = pgTable(
  "adoptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    opinionId: uuid("opinion_id").notNull().references(() => opinions.id, { onDelete: "restrict" }),
    /** The version in which the decision shows (e.g. the 二审稿 or the law as passed). */
    versionId: uuid("version_id").references(() => draftVersions.id, { onDelete: "set null" }),
    status: adoptionStatus("status").notNull(),
    reason: text("reason"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [index("adoptions_opinion_idx").on(t.opinionId)],
);
