-- [A77] The archive each pack imported from the console came from, so that a pack that exists only in
-- the database exports as it was imported, solutions included.
CREATE TABLE "pack_archives" (
	"pack_id" text PRIMARY KEY NOT NULL,
	"archive" bytea NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "pack_archives" ADD CONSTRAINT "pack_archives_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
