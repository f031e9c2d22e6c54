CREATE TABLE "removal_cases" (
	"organisation_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"client_id" uuid,
	"opened_on" text NOT NULL,
	"deadline" text,
	"reason" text,
	"keep_until" text,
	"decided_by" uuid,
	"carried_out_on" text,
	"devices_to_purge" jsonb NOT NULL,
	"devices_purged" jsonb NOT NULL,
	"purge_seq" bigint,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "removal_cases_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "retention_audit" (
	"organisation_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"event" text NOT NULL,
	"case_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"device_id" text,
	"reason" text,
	"until" text,
	"removed_records" integer,
	CONSTRAINT "retention_audit_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "removal_cases" ADD CONSTRAINT "removal_cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_audit" ADD CONSTRAINT "retention_audit_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "removal_cases_live_dossier" ON "removal_cases" USING btree ("organisation_id","client_id") WHERE client_id IS NOT NULL AND state IN ('open', 'awaiting_decision', 'approved');--> statement-breakpoint
CREATE INDEX "removal_cases_state" ON "removal_cases" USING btree ("organisation_id","state");--> statement-breakpoint
CREATE INDEX "retention_audit_case" ON "retention_audit" USING btree ("organisation_id","case_id","at");