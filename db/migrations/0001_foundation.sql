CREATE TYPE "public"."adoption_status" AS ENUM('adopted', 'partially_adopted', 'not_adopted', 'under_study');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('online', 'symposium', 'visit', 'letter', 'phone', 'email', 'questionnaire');--> statement-breakpoint
CREATE TYPE "public"."comment_source" AS ENUM('public', 'staff', 'import');--> statement-breakpoint
CREATE TYPE "public"."commenter_category" AS ENUM('deputy', 'cppcc_member', 'lawyer', 'expert', 'enterprise', 'official', 'resident', 'student', 'other');--> statement-breakpoint
CREATE TYPE "public"."draft_kind" AS ENUM('law', 'regulation', 'local_regulation', 'rule', 'amendment', 'decision');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('validating', 'invalid', 'ready', 'importing', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."moderation_mode" AS ENUM('pre', 'post');--> statement-breakpoint
CREATE TYPE "public"."moderation_status" AS ENUM('pending', 'approved', 'rejected', 'hidden');--> statement-breakpoint
CREATE TYPE "public"."opinion_status" AS ENUM('draft', 'final', 'submitted', 'answered');--> statement-breakpoint
CREATE TYPE "public"."organization_level" AS ENUM('national', 'provincial', 'municipal', 'county', 'township');--> statement-breakpoint
CREATE TYPE "public"."processing_status" AS ENUM('received', 'consolidated', 'submitted', 'answered');--> statement-breakpoint
CREATE TYPE "public"."provision_kind" AS ENUM('preamble', 'part', 'subpart', 'chapter', 'section', 'article', 'paragraph', 'item', 'subitem', 'point', 'annex');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('contact_point_staff', 'officer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."submission_status" AS ENUM('draft', 'sent', 'received', 'returned');--> statement-breakpoint
CREATE TYPE "public"."version_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "collection_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_point_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"address" text,
	"region_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"level" "organization_level" NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"region_code" text,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_name_not_blank" CHECK (length(btrim("organizations"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"organization_id" uuid,
	"contact_point_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_unique" UNIQUE NULLS NOT DISTINCT("user_id","role","organization_id","contact_point_id"),
	CONSTRAINT "memberships_one_scope" CHECK (("memberships"."organization_id" is null) <> ("memberships"."contact_point_id" is null)),
	CONSTRAINT "memberships_scope_fits_role" CHECK (("memberships"."role" = 'contact_point_staff') = ("memberships"."contact_point_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_contact_points" (
	"consultation_id" uuid NOT NULL,
	"contact_point_id" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone,
	CONSTRAINT "consultation_contact_points_consultation_id_contact_point_id_pk" PRIMARY KEY("consultation_id","contact_point_id")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"moderation" "moderation_mode" DEFAULT 'post' NOT NULL,
	"public_comments" boolean DEFAULT true NOT NULL,
	"request_text" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_window_order" CHECK ("consultations"."closes_at" > "consultations"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "draft_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"label" text NOT NULL,
	"status" "version_status" DEFAULT 'draft' NOT NULL,
	"source_text" text NOT NULL,
	"source_format" text NOT NULL,
	"source_file_name" text,
	"source_sha256" text NOT NULL,
	"explanation_json" jsonb,
	"explanation_html" text,
	"explanation_text" text,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "draft_versions_published_has_time" CHECK (("draft_versions"."status" = 'published') = ("draft_versions"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text,
	"kind" "draft_kind" DEFAULT 'law' NOT NULL,
	"organization_id" uuid NOT NULL,
	"amends_draft_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "provisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"parent_id" uuid,
	"stable_key" text NOT NULL,
	"kind" "provision_kind" NOT NULL,
	"number" integer,
	"suffix" integer,
	"label" text NOT NULL,
	"heading" text,
	"text" text DEFAULT '' NOT NULL,
	"ordinal" integer NOT NULL,
	"depth" integer NOT NULL,
	"eid" text NOT NULL,
	"amends_law" text,
	"amends_article" text
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_point_id" uuid,
	"draft_id" uuid NOT NULL,
	"attachment_id" uuid,
	"status" "import_status" DEFAULT 'validating' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "commenters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text,
	"phone" text,
	"email" text,
	"address" text,
	"id_number" text,
	"affiliation" text,
	"consent_at" timestamp with time zone,
	"consent_version" text,
	"retain_until" date,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"receipt_code" text NOT NULL,
	"draft_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"provision_id" uuid,
	"provision_key" text,
	"consultation_id" uuid,
	"contact_point_id" uuid,
	"collection_point_id" uuid,
	"symposium_id" uuid,
	"import_id" uuid,
	"commenter_id" uuid,
	"source" "comment_source" NOT NULL,
	"channel" "channel" NOT NULL,
	"category" "commenter_category" DEFAULT 'other' NOT NULL,
	"region" text,
	"body_json" jsonb,
	"body_html" text NOT NULL,
	"body_text" text NOT NULL,
	"proposed_text" text,
	"reason" text,
	"moderation_status" "moderation_status" DEFAULT 'pending' NOT NULL,
	"moderation_reason" text,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone,
	"processing_status" "processing_status" DEFAULT 'received' NOT NULL,
	"entered_by" uuid,
	"said_on" date,
	"idempotency_key" text,
	"client_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comments_body_not_blank" CHECK (length(btrim("comments"."body_text")) > 0)
);
--> statement-breakpoint
CREATE TABLE "symposia" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_point_id" uuid NOT NULL,
	"collection_point_id" uuid,
	"draft_id" uuid NOT NULL,
	"consultation_id" uuid,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"attendance" integer NOT NULL,
	"topic" text,
	"minutes_attachment_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "symposia_attendance_nonneg" CHECK ("symposia"."attendance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "opinion_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opinion_id" uuid NOT NULL,
	"comment_id" uuid,
	"source_opinion_id" uuid,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_by" uuid,
	"removed_at" timestamp with time zone,
	CONSTRAINT "opinion_sources_one_source" CHECK (("opinion_sources"."comment_id" is null) <> ("opinion_sources"."source_opinion_id" is null)),
	CONSTRAINT "opinion_sources_not_self" CHECK ("opinion_sources"."source_opinion_id" is null or "opinion_sources"."source_opinion_id" <> "opinion_sources"."opinion_id")
);
--> statement-breakpoint
CREATE TABLE "opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"provision_key" text,
	"contact_point_id" uuid,
	"organization_id" uuid,
	"title" text,
	"body_json" jsonb,
	"body_html" text NOT NULL,
	"body_text" text NOT NULL,
	"proposed_text" text,
	"reason" text,
	"status" "opinion_status" DEFAULT 'draft' NOT NULL,
	"source_count" integer DEFAULT 0 NOT NULL,
	"lock_version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinions_one_owner" CHECK (("opinions"."contact_point_id" is null) <> ("opinions"."organization_id" is null))
);
--> statement-breakpoint
CREATE TABLE "adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opinion_id" uuid NOT NULL,
	"version_id" uuid,
	"status" "adoption_status" NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "submission_opinions" (
	"submission_id" uuid NOT NULL,
	"opinion_id" uuid NOT NULL,
	CONSTRAINT "submission_opinions_submission_id_opinion_id_pk" PRIMARY KEY("submission_id","opinion_id")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"consultation_id" uuid,
	"from_contact_point_id" uuid,
	"from_organization_id" uuid,
	"to_organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"status" "submission_status" DEFAULT 'draft' NOT NULL,
	"report_attachment_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	CONSTRAINT "submissions_one_sender" CHECK (("submissions"."from_contact_point_id" is null) <> ("submissions"."from_organization_id" is null))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"topic" text NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"dedup_key" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"last_error" text,
	"processed_at" timestamp with time zone,
	"dead_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "collection_points" ADD CONSTRAINT "collection_points_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_contact_points" ADD CONSTRAINT "consultation_contact_points_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_contact_points" ADD CONSTRAINT "consultation_contact_points_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_version_id_draft_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."draft_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_versions" ADD CONSTRAINT "draft_versions_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_versions" ADD CONSTRAINT "draft_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_versions" ADD CONSTRAINT "draft_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_amends_draft_id_drafts_id_fk" FOREIGN KEY ("amends_draft_id") REFERENCES "public"."drafts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_version_id_draft_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."draft_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_parent_id_provisions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."provisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_imports" ADD CONSTRAINT "comment_imports_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_imports" ADD CONSTRAINT "comment_imports_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_imports" ADD CONSTRAINT "comment_imports_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_imports" ADD CONSTRAINT "comment_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_version_id_draft_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."draft_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_provision_id_provisions_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_collection_point_id_collection_points_id_fk" FOREIGN KEY ("collection_point_id") REFERENCES "public"."collection_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_symposium_id_symposia_id_fk" FOREIGN KEY ("symposium_id") REFERENCES "public"."symposia"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_import_id_comment_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."comment_imports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_commenter_id_commenters_id_fk" FOREIGN KEY ("commenter_id") REFERENCES "public"."commenters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symposia" ADD CONSTRAINT "symposia_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symposia" ADD CONSTRAINT "symposia_collection_point_id_collection_points_id_fk" FOREIGN KEY ("collection_point_id") REFERENCES "public"."collection_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symposia" ADD CONSTRAINT "symposia_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symposia" ADD CONSTRAINT "symposia_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symposia" ADD CONSTRAINT "symposia_minutes_attachment_id_attachments_id_fk" FOREIGN KEY ("minutes_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symposia" ADD CONSTRAINT "symposia_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_sources" ADD CONSTRAINT "opinion_sources_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_sources" ADD CONSTRAINT "opinion_sources_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_sources" ADD CONSTRAINT "opinion_sources_source_opinion_id_opinions_id_fk" FOREIGN KEY ("source_opinion_id") REFERENCES "public"."opinions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_sources" ADD CONSTRAINT "opinion_sources_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_sources" ADD CONSTRAINT "opinion_sources_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_version_id_draft_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."draft_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_opinions" ADD CONSTRAINT "submission_opinions_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_opinions" ADD CONSTRAINT "submission_opinions_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_from_contact_point_id_contact_points_id_fk" FOREIGN KEY ("from_contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_from_organization_id_organizations_id_fk" FOREIGN KEY ("from_organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_to_organization_id_organizations_id_fk" FOREIGN KEY ("to_organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_report_attachment_id_attachments_id_fk" FOREIGN KEY ("report_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collection_points_cp_idx" ON "collection_points" USING btree ("contact_point_id");--> statement-breakpoint
CREATE INDEX "contact_points_org_idx" ON "contact_points" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "organizations_parent_idx" ON "organizations" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_path_idx" ON "organizations" USING btree ("path");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_idx" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "consultations_draft_idx" ON "consultations" USING btree ("draft_id");--> statement-breakpoint
CREATE UNIQUE INDEX "draft_versions_seq_idx" ON "draft_versions" USING btree ("draft_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "drafts_slug_idx" ON "drafts" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "drafts_org_idx" ON "drafts" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provisions_version_ordinal_idx" ON "provisions" USING btree ("version_id","ordinal");--> statement-breakpoint
CREATE UNIQUE INDEX "provisions_version_key_idx" ON "provisions" USING btree ("version_id","stable_key");--> statement-breakpoint
CREATE INDEX "provisions_parent_idx" ON "provisions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "provisions_version_kind_number_idx" ON "provisions" USING btree ("version_id","kind","number");--> statement-breakpoint
CREATE UNIQUE INDEX "comments_receipt_idx" ON "comments" USING btree ("receipt_code");--> statement-breakpoint
CREATE UNIQUE INDEX "comments_idempotency_idx" ON "comments" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "comments_draft_provision_idx" ON "comments" USING btree ("draft_id","provision_key");--> statement-breakpoint
CREATE INDEX "comments_version_idx" ON "comments" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "comments_cp_idx" ON "comments" USING btree ("contact_point_id");--> statement-breakpoint
CREATE INDEX "comments_symposium_idx" ON "comments" USING btree ("symposium_id");--> statement-breakpoint
CREATE INDEX "comments_created_idx" ON "comments" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "symposia_cp_idx" ON "symposia" USING btree ("contact_point_id");--> statement-breakpoint
CREATE INDEX "opinion_sources_opinion_idx" ON "opinion_sources" USING btree ("opinion_id");--> statement-breakpoint
CREATE INDEX "opinion_sources_comment_idx" ON "opinion_sources" USING btree ("comment_id");--> statement-breakpoint
CREATE INDEX "opinion_sources_source_opinion_idx" ON "opinion_sources" USING btree ("source_opinion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_sources_live_comment_idx" ON "opinion_sources" USING btree ("opinion_id","comment_id") WHERE "opinion_sources"."removed_at" is null and "opinion_sources"."comment_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_sources_live_opinion_idx" ON "opinion_sources" USING btree ("opinion_id","source_opinion_id") WHERE "opinion_sources"."removed_at" is null and "opinion_sources"."source_opinion_id" is not null;--> statement-breakpoint
CREATE INDEX "opinions_draft_provision_idx" ON "opinions" USING btree ("draft_id","provision_key");--> statement-breakpoint
CREATE INDEX "adoptions_opinion_idx" ON "adoptions" USING btree ("opinion_id");--> statement-breakpoint
CREATE INDEX "submission_opinions_opinion_idx" ON "submission_opinions" USING btree ("opinion_id");--> statement-breakpoint
CREATE INDEX "submissions_to_idx" ON "submissions" USING btree ("to_organization_id");--> statement-breakpoint
CREATE INDEX "submissions_draft_idx" ON "submissions" USING btree ("draft_id");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("available_at") WHERE "outbox"."processed_at" is null and "outbox"."dead_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedup_pending_idx" ON "outbox" USING btree ("dedup_key") WHERE "outbox"."processed_at" is null and "outbox"."dead_at" is null and "outbox"."dedup_key" is not null;