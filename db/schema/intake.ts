/** Comments as they come in — online, from symposia, letters, calls, visits and files — and who said them. */
import { sql } from "drizzle-orm";
import {
  bigint, check, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { channel, commenterCategory, commentSource, importStatus, moderationStatus, processingStatus } from "./enums";
import { consultations, draftVersions, drafts, provisions } from "./drafts";
import { collectionPoints, contactPoints } from "./organizations";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** Files kept with the data they belong to (symposium minutes, sign-in sheet photos, imported sheets). */
export const attachments = pgTable("attachments", {
  id: uuid("id").primaryKey().defaultRandom(),
  fileName: text("file_name").notNull(),
  mediaType: text("media_type").notNull(),
  byteSize: bigint("byte_size", { mode: "number" }).notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
  uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** 座谈会: a meeting where a contact point gathered views. */
export const symposia = pgTable(
  "symposia",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contactPointId: uuid("contact_point_id").notNull().references(() => contactPoints.id, { onDelete: "restrict" }),
    collectionPointId: uuid("collection_point_id").references(() => collectionPoints.id, { onDelete: "set null" }),
    draftId: uuid("draft_id").notNull().references(() => drafts.id, { onDelete: "restrict" }),
    consultationId: uuid("consultation_id").references(() => consultations.id, { onDelete: "set null" }),
    heldOn: date("held_on").notNull(),
    place: text("place").notNull(),
    attendance: integer("attendance").notNull(),
    topic: text("topic"),
    minutesAttachmentId: uuid("minutes_attachment_id").references(() => attachments.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("symposia_cp_idx").on(t.contactPointId), check("symposia_attendance_nonneg", sql`${t.attendance} >= 0`)],
);

/**
 * 提出人: personal data kept apart from what was said, so it can be masked, withheld from exports
 * and erased at the end of its retention period without touching the comment.
 */
export const commenters = pgTable("commenters", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name"),
  phone: text("phone"),
  email: text("email"),
  address: text("address"),
  idNumber: text("id_number"),
  /** Work unit or description given with the view ("某律师事务所律师"). */
  affiliation: text("affiliation"),
  /** When and to which wording of the consent notice the person agreed (online), or null (offline). */
  consentAt: timestamp("consent_at", { withTimezone: true }),
  consentVersion: text("consent_version"),
  retainUntil: date("retain_until"),
  erasedAt: timestamp("erased_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A bulk import of comments from a spreadsheet: validated first, then committed all at once. */
export const commentImports = pgTable("comment_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  contactPointId: uuid("contact_point_id").references(() => contactPoints.id, { onDelete: "restrict" }),
  draftId: uuid("draft_id").notNull().references(() => drafts.id, { onDelete: "restrict" }),
  attachmentId: uuid("attachment_id").references(() => attachments.id, { onDelete: "set null" }),
  status: importStatus("status").notNull().default("validating"),
  totalRows: integer("total_rows").notNull().default(0),
  processedRows: integer("processed_rows").notNull().default(0),
  errors: jsonb("errors").notNull().default(sql`'[]'::jsonb`),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

/**
 * 意见: one person's view, raw, as given. Never rewritten by merging: opinions link to it.
 * `saidBy` (commenterId) and `enteredBy` are kept apart: staff enter what residents said.
 */
export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Short code the commenter writes down, e.g. MY-7K3-9QF. */
    receiptCode: text("receipt_code").notNull(),
    draftId: uuid("draft_id").notNull().references(() => drafts.id, { onDelete: "restrict" }),
    versionId: uuid("version_id").notNull().references(() => draftVersions.id, { onDelete: "restrict" }),
    /** Null when the comment is on the whole draft. */
    provisionId: uuid("provision_id").references(() => provisions.id, { onDelete: "restrict" }),
    /** The provision's stable key, so the comment follows its clause into later versions. */
    provisionKey: text("provision_key"),
    consultationId: uuid("consultation_id").references(() => consultations.id, { onDelete: "set null" }),
    contactPointId: uuid("contact_point_id").references(() => contactPoints.id, { onDelete: "restrict" }),
    collectionPointId: uuid("collection_point_id").references(() => collectionPoints.id, { onDelete: "set null" }),
    symposiumId: uuid("symposium_id").references(() => symposia.id, { onDelete: "restrict" }),
    importId: uuid("import_id").references(() => commentImports.id, { onDelete: "restrict" }),
    commenterId: uuid("commenter_id").references(() => commenters.id, { onDelete: "set null" }),
    source: commentSource("source").notNull(),
    channel: channel("channel").notNull(),
    category: commenterCategory("category").notNull().default("other"),
    /** Region code of where the commenter lives or where the view was gathered. */
    region: text("region"),
    bodyJson: jsonb("body_json"),
    bodyHtml: text("body_html").notNull(),
    bodyText: text("body_text").notNull(),
    proposedText: text("proposed_text"),
    reason: text("reason"),
    moderationStatus: moderationStatus("moderation_status").notNull().default("pending"),
    moderationReason: text("moderation_reason"),
    moderatedBy: uuid("moderated_by").references(() => users.id, { onDelete: "set null" }),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    processingStatus: processingStatus("processing_status").notNull().default("received"),
    enteredBy: uuid("entered_by").references(() => users.id, { onDelete: "set null" }),
    /** When the view was given (a symposium's date, a letter's date); createdAt is when it was entered. */
    saidOn: date("said_on"),
    idempotencyKey: text("idempotency_key"),
    /** Salted hash of the client address, for abuse handling without keeping the address. */
    clientHash: text("client_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("comments_receipt_idx").on(t.receiptCode),
    uniqueIndex("comments_idempotency_idx").on(t.idempotencyKey),
    index("comments_draft_provision_idx").on(t.draftId, t.provisionKey),
    index("comments_version_idx").on(t.versionId),
    index("comments_cp_idx").on(t.contactPointId),
    index("comments_symposium_idx").on(t.symposiumId),
    index("comments_created_idx").on(t.createdAt),
    check("comments_body_not_blank", sql`length(btrim(${t.bodyText})) > 0`),
  ],
);
