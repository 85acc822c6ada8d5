-- [A97] A reviewer's notes and decision on an attempt: one row per attempt, the latest review wins.
CREATE TABLE "attempt_reviews" (
	"attempt_id" uuid PRIMARY KEY NOT NULL,
	"decision" text DEFAULT 'undecided' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attempt_reviews_decision_check" CHECK ("decision" IN ('advance', 'reject', 'undecided'))
);--> statement-breakpoint
ALTER TABLE "attempt_reviews" ADD CONSTRAINT "attempt_reviews_attempt_id_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt_reviews" ADD CONSTRAINT "attempt_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
