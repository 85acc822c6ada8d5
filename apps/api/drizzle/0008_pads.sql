-- Issue 12: live interview pads ([A100]-[A129] in apps/api/SPEC.md). Every Yjs update is kept (pad_updates)
-- for playback; pad_snapshots holds the compacted state so loading reads one row and the tail.
CREATE TABLE "pad_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pad_id" uuid NOT NULL,
	"participant_id" uuid,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pad_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pad_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"colour" text NOT NULL,
	"token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	CONSTRAINT "pad_participants_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "pad_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pad_id" uuid NOT NULL,
	"participant_id" uuid,
	"by_name" text NOT NULL,
	"language" text NOT NULL,
	"code" text NOT NULL,
	"custom_inputs" jsonb,
	"status" text DEFAULT 'queued' NOT NULL,
	"report" jsonb,
	"tries" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pad_snapshots" (
	"pad_id" uuid NOT NULL,
	"doc" smallint NOT NULL,
	"state" "bytea" NOT NULL,
	"upto_id" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pad_snapshots_pad_id_doc_pk" PRIMARY KEY("pad_id","doc")
);
--> statement-breakpoint
CREATE TABLE "pad_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pad_id" uuid NOT NULL,
	"doc" smallint NOT NULL,
	"participant_id" uuid,
	"origin" text NOT NULL,
	"update" "bytea" NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"language" text NOT NULL,
	"problem_version_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"candidate_token_hash" text NOT NULL,
	"candidate_token_sealed" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	CONSTRAINT "pads_candidate_token_hash_unique" UNIQUE("candidate_token_hash")
);
--> statement-breakpoint
ALTER TABLE "pad_events" ADD CONSTRAINT "pad_events_pad_id_pads_id_fk" FOREIGN KEY ("pad_id") REFERENCES "public"."pads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pad_events" ADD CONSTRAINT "pad_events_participant_id_pad_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."pad_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pad_participants" ADD CONSTRAINT "pad_participants_pad_id_pads_id_fk" FOREIGN KEY ("pad_id") REFERENCES "public"."pads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pad_participants" ADD CONSTRAINT "pad_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pad_runs" ADD CONSTRAINT "pad_runs_pad_id_pads_id_fk" FOREIGN KEY ("pad_id") REFERENCES "public"."pads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pad_runs" ADD CONSTRAINT "pad_runs_participant_id_pad_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."pad_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pad_snapshots" ADD CONSTRAINT "pad_snapshots_pad_id_pads_id_fk" FOREIGN KEY ("pad_id") REFERENCES "public"."pads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pad_updates" ADD CONSTRAINT "pad_updates_pad_id_pads_id_fk" FOREIGN KEY ("pad_id") REFERENCES "public"."pads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pad_updates" ADD CONSTRAINT "pad_updates_participant_id_pad_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."pad_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pads" ADD CONSTRAINT "pads_problem_version_id_problem_versions_id_fk" FOREIGN KEY ("problem_version_id") REFERENCES "public"."problem_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pads" ADD CONSTRAINT "pads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pads" ADD CONSTRAINT "pads_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pad_events_pad_idx" ON "pad_events" USING btree ("pad_id","id");--> statement-breakpoint
CREATE INDEX "pad_participants_pad_idx" ON "pad_participants" USING btree ("pad_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pad_participants_user_idx" ON "pad_participants" USING btree ("pad_id","user_id");--> statement-breakpoint
CREATE INDEX "pad_runs_pad_idx" ON "pad_runs" USING btree ("pad_id","created_at");--> statement-breakpoint
CREATE INDEX "pad_updates_pad_idx" ON "pad_updates" USING btree ("pad_id","doc","id");--> statement-breakpoint
CREATE INDEX "pads_created_idx" ON "pads" USING btree ("created_at");