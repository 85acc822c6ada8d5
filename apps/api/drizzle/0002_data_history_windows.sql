ALTER TABLE "attempts" ADD COLUMN "history_bytes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "code_history" ADD COLUMN "window_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "code_history" ADD COLUMN "bytes" integer;--> statement-breakpoint
-- [A42] Rows saved before history was kept in windows: each is its own window, as it was saved.
DELETE FROM "code_history" a USING "code_history" b
  WHERE a."attempt_id" = b."attempt_id" AND a."position" = b."position" AND a."language" = b."language"
    AND a."saved_at" = b."saved_at" AND a."id" < b."id";--> statement-breakpoint
UPDATE "code_history" SET "window_start" = "saved_at", "bytes" = octet_length("code");--> statement-breakpoint
UPDATE "attempts" a SET "history_bytes" = h."bytes"
  FROM (SELECT "attempt_id", least(sum("bytes"), 2000000000) AS "bytes" FROM "code_history" GROUP BY "attempt_id") h
  WHERE a."id" = h."attempt_id";--> statement-breakpoint
ALTER TABLE "code_history" ALTER COLUMN "window_start" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "code_history" ALTER COLUMN "bytes" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "code_history_window_idx" ON "code_history" USING btree ("attempt_id","position","language","window_start");--> statement-breakpoint
CREATE INDEX "code_history_order_idx" ON "code_history" USING btree ("attempt_id","window_start","id");
