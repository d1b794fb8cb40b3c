/**
 * Closed vocabularies shared by the database and the app. The `as const` arrays are the single
 * source: pg enums (enums.ts), zod schemas and UI option lists are all derived from them. This file
 * imports nothing, so browser code may use it without pulling in the database layer.
 */
export const ORGANIZATION_LEVELS = ["national", "provincial", "municipal", "county", "township"] as const;
export type OrganizationLevel = (typeof ORGANIZATION_LEVELS)[number];

export const ROLES = ["contact_point_staff", "officer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PROVISION_KINDS = [
  "preamble", "part", "subpart", "chapter", "section", "article", "paragraph", "item", "subitem", "point", "annex",
] as const;
export type ProvisionKind = (typeof PROVISION_KINDS)[number];

export const DRAFT_KINDS = ["law", "regulation", "local_regulation", "rule", "amendment", "decision"] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const VERSION_STATUSES = ["draft", "published"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const MODERATION_MODES = ["pre", "post"] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

export const CHANNELS = ["online", "symposium", "visit", "letter", "phone", "email", "questionnaire"] as const;
export type Channel = (typeof CHANNELS)[number];

export const COMMENTER_CATEGORIES = [
  "deputy", "cppcc_member", "lawyer", "expert", "enterprise", "official", "resident", "student", "other",
] as const;
export type CommenterCategory = (typeof COMMENTER_CATEGORIES)[number];

export const COMMENT_SOURCES = ["public", "staff", "import"] as const;
export type CommentSource = (typeof COMMENT_SOURCES)[number];

export const MODERATION_STATUSES = ["pending", "approved", "rejected", "hidden"] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/** Where a comment is on its way: received → consolidated → submitted → answered. */
export const PROCESSING_STATUSES = ["received", "consolidated", "submitted", "answered"] as const;
export type ProcessingStatus = (typeof PROCESSING_STATUSES)[number];

export const OPINION_STATUSES = ["draft", "final", "submitted", "answered"] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export const SUBMISSION_STATUSES = ["draft", "sent", "received", "returned"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const ADOPTION_STATUSES = ["adopted", "partially_adopted", "not_adopted", "under_study"] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];

export const IMPORT_STATUSES = ["validating", "invalid", "ready", "importing", "done", "failed"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

