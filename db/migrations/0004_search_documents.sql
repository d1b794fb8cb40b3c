CREATE TABLE "search_documents" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"draft_id" text NOT NULL,
	"version_id" text NOT NULL,
	"chapter_key" text,
	"provision_key" text,
	"article_number" integer,
	"article_refs" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"contact_point_id" text,
	"organization_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"region" text,
	"channel" text,
	"category" text,
	"status" text,
	"moderation" text,
	"date" date,
	"created_at" timestamp with time zone,
	"published" boolean,
	"ordinal" integer,
	"doc" jsonb NOT NULL,
	"tsv" "tsvector" NOT NULL,
	CONSTRAINT "search_documents_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_article_refs_idx" ON "search_documents" USING gin ("article_refs");--> statement-breakpoint
CREATE INDEX "search_documents_organization_ids_idx" ON "search_documents" USING gin ("organization_ids");--> statement-breakpoint
CREATE INDEX "search_documents_kind_created_idx" ON "search_documents" USING btree ("kind","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "search_documents_draft_created_idx" ON "search_documents" USING btree ("kind","draft_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "search_documents_version_position_idx" ON "search_documents" USING btree ("kind","version_id","ordinal");--> statement-breakpoint
CREATE INDEX "search_documents_provision_idx" ON "search_documents" USING btree ("kind","provision_key");--> statement-breakpoint
CREATE INDEX "search_documents_contact_point_idx" ON "search_documents" USING btree ("kind","contact_point_id");--> statement-breakpoint
CREATE INDEX "search_documents_region_idx" ON "search_documents" USING btree ("kind","region");--> statement-breakpoint
CREATE INDEX "search_documents_date_idx" ON "search_documents" USING btree ("kind","date");--> statement-breakpoint
-- Hand-added (drizzle cannot express it): a larger statistics target on the tsvector keeps about
-- 10,000 most common lexemes, so the planner's row estimate for a word is close to the truth.
-- The engine uses that estimate to choose between an exact result and the large-result strategy.
ALTER TABLE "search_documents" ALTER COLUMN "tsv" SET STATISTICS 1000;
