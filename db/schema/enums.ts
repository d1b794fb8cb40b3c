/** PostgreSQL enum types, one per vocabulary in vocabulary.ts. */
import { pgEnum } from "drizzle-orm/pg-core";
import {
  ORGANIZATION_LEVELS, ROLES, PROVISION_KINDS, DRAFT_KINDS, VERSION_STATUSES, MODERATION_MODES, CHANNELS, COMMENTER_CATEGORIES, COMMENT_SOURCES, MODERATION_STATUSES, PROCESSING_STATUSES, OPINION_STATUSES, SUBMISSION_STATUSES, ADOPTION_STATUSES, IMPORT_STATUSES,
} from "./vocabulary";

export * from "./vocabulary";

export const organizationLevel = pgEnum("organization_level", ORGANIZATION_LEVELS);
export const role = pgEnum("role", ROLES);
export const provisionKind = pgEnum("provision_kind", PROVISION_KINDS);
export const draftKind = pgEnum("draft_kind", DRAFT_KINDS);
export const versionStatus = pgEnum("version_status", VERSION_STATUSES);
export const moderationMode = pgEnum("moderation_mode", MODERATION_MODES);
export const channel = pgEnum("channel", CHANNELS);
export const commenterCategory = pgEnum("commenter_category", COMMENTER_CATEGORIES);
export const commentSource = pgEnum("comment_source", COMMENT_SOURCES);
export const moderationStatus = pgEnum("moderation_status", MODERATION_STATUSES);
export const processingStatus = pgEnum("processing_status", PROCESSING_STATUSES);
export const opinionStatus = pgEnum("opinion_status", OPINION_STATUSES);
export const submissionStatus = pgEnum("submission_status", SUBMISSION_STATUSES);
export const adoptionStatus = pgEnum("adoption_status", ADOPTION_STATUSES);
export const importStatus = pgEnum("import_status", IMPORT_STATUSES);
