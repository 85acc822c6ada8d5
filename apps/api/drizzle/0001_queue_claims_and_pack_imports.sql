CREATE TABLE "pack_imports" (
	"pack_id" text PRIMARY KEY NOT NULL,
	"source_hash" text NOT NULL,
	"versions" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "tries" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "claimed_at" timestamp with time zone;