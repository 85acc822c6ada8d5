-- [A80] Problems authored in the browser: a draft is a problem folder as data, edited until it validates.
CREATE TABLE "problem_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid,
	"pack_id" text DEFAULT 'custom' NOT NULL,
	"problem_id" text NOT NULL,
	"based_on_version_id" uuid,
	"content" jsonb NOT NULL,
	"validation" jsonb,
	"published_version_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
-- [A85] What a published draft's version was made from (solutions included), so "New version" can start from it.
CREATE TABLE "problem_version_sources" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "problem_drafts" ADD CONSTRAINT "problem_drafts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_drafts" ADD CONSTRAINT "problem_drafts_based_on_version_id_problem_versions_id_fk" FOREIGN KEY ("based_on_version_id") REFERENCES "public"."problem_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_drafts" ADD CONSTRAINT "problem_drafts_published_version_id_problem_versions_id_fk" FOREIGN KEY ("published_version_id") REFERENCES "public"."problem_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_version_sources" ADD CONSTRAINT "problem_version_sources_version_id_problem_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."problem_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_drafts_updated_idx" ON "problem_drafts" USING btree ("updated_at");
