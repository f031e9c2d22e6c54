CREATE TABLE "sync_access_log" (
	"organisation_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"device_seq" bigint NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"client_id" uuid,
	"entry" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"chain_broken" boolean NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sync_access_log_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "sync_conflicts" (
	"organisation_id" uuid NOT NULL,
	"conflict_id" text NOT NULL,
	"table_name" text NOT NULL,
	"row_id" uuid NOT NULL,
	"client_id" uuid,
	"conflict" text NOT NULL,
	"status" text NOT NULL,
	"seq" bigint NOT NULL,
	"resolved_by_mutation" uuid,
	CONSTRAINT "sync_conflicts_organisation_id_conflict_id_pk" PRIMARY KEY("organisation_id","conflict_id"),
	CONSTRAINT "sync_conflicts_organisation_seq" UNIQUE("organisation_id","seq")
);
--> statement-breakpoint
CREATE TABLE "sync_document_chunks" (
	"organisation_id" uuid NOT NULL,
	"content_hash" text NOT NULL,
	"chunk_index" integer NOT NULL,
	"chunk_hash" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "sync_document_chunks_organisation_id_content_hash_chunk_index_pk" PRIMARY KEY("organisation_id","content_hash","chunk_index")
);
--> statement-breakpoint
CREATE TABLE "sync_documents" (
	"organisation_id" uuid NOT NULL,
	"content_hash" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"chunk_hashes" jsonb NOT NULL,
	"complete" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "sync_documents_organisation_id_content_hash_pk" PRIMARY KEY("organisation_id","content_hash")
);
--> statement-breakpoint
CREATE TABLE "sync_dossier_rights" (
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"access_row_id" uuid NOT NULL,
	"can_read" boolean NOT NULL,
	"can_edit" boolean NOT NULL,
	"can_sign_off" boolean NOT NULL,
	CONSTRAINT "sync_dossier_rights_organisation_id_client_id_user_id_pk" PRIMARY KEY("organisation_id","client_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sync_heads" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"head" bigint DEFAULT 0 NOT NULL,
	"epoch" uuid NOT NULL,
	"restored_from_epoch" uuid,
	"epoch_start_seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_history" (
	"organisation_id" uuid NOT NULL,
	"table_name" text NOT NULL,
	"row_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"position" integer NOT NULL,
	"field" text NOT NULL,
	"value" text NOT NULL,
	"hlc" text,
	"superseded_by" text NOT NULL,
	"mutation_id" uuid,
	CONSTRAINT "sync_history_organisation_id_table_name_row_id_seq_position_pk" PRIMARY KEY("organisation_id","table_name","row_id","seq","position")
);
--> statement-breakpoint
CREATE TABLE "sync_mutations" (
	"organisation_id" uuid NOT NULL,
	"mutation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"result" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sync_mutations_organisation_id_mutation_id_pk" PRIMARY KEY("organisation_id","mutation_id")
);
--> statement-breakpoint
CREATE TABLE "sync_purges" (
	"organisation_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"user_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"client_id" uuid,
	"table_name" text,
	"row_id" uuid,
	"reason" text NOT NULL,
	CONSTRAINT "sync_purges_organisation_id_seq_pk" PRIMARY KEY("organisation_id","seq")
);
--> statement-breakpoint
CREATE TABLE "sync_report_rights" (
	"organisation_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"access_row_id" uuid NOT NULL,
	"can_read" boolean NOT NULL,
	"can_edit" boolean NOT NULL,
	CONSTRAINT "sync_report_rights_organisation_id_report_id_user_id_pk" PRIMARY KEY("organisation_id","report_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sync_rows" (
	"organisation_id" uuid NOT NULL,
	"table_name" text NOT NULL,
	"row_id" uuid NOT NULL,
	"client_id" uuid,
	"values" text NOT NULL,
	"clocks" jsonb NOT NULL,
	"seq" bigint NOT NULL,
	"created_by" uuid,
	"owner_user_id" uuid,
	"restricted" boolean DEFAULT false NOT NULL,
	"client_ids" uuid[],
	"practitioner_ids" uuid[],
	"content_hash" text,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sync_rows_organisation_id_table_name_row_id_pk" PRIMARY KEY("organisation_id","table_name","row_id"),
	CONSTRAINT "sync_rows_organisation_seq" UNIQUE("organisation_id","seq")
);
--> statement-breakpoint
CREATE TABLE "sync_server" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sync_access_log" ADD CONSTRAINT "sync_access_log_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_conflicts" ADD CONSTRAINT "sync_conflicts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_document_chunks" ADD CONSTRAINT "sync_document_chunks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_documents" ADD CONSTRAINT "sync_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_dossier_rights" ADD CONSTRAINT "sync_dossier_rights_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_heads" ADD CONSTRAINT "sync_heads_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_history" ADD CONSTRAINT "sync_history_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_mutations" ADD CONSTRAINT "sync_mutations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_purges" ADD CONSTRAINT "sync_purges_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_report_rights" ADD CONSTRAINT "sync_report_rights_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_rows" ADD CONSTRAINT "sync_rows_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_access_log_device" ON "sync_access_log" USING btree ("organisation_id","device_id","device_seq");--> statement-breakpoint
CREATE INDEX "sync_access_log_client" ON "sync_access_log" USING btree ("organisation_id","client_id","at");--> statement-breakpoint
CREATE INDEX "sync_conflicts_row" ON "sync_conflicts" USING btree ("organisation_id","table_name","row_id");--> statement-breakpoint
CREATE INDEX "sync_dossier_rights_user" ON "sync_dossier_rights" USING btree ("organisation_id","user_id");--> statement-breakpoint
CREATE INDEX "sync_purges_user" ON "sync_purges" USING btree ("organisation_id","user_id","seq");--> statement-breakpoint
CREATE INDEX "sync_rows_client" ON "sync_rows" USING btree ("organisation_id","client_id");--> statement-breakpoint
CREATE INDEX "sync_rows_content_hash" ON "sync_rows" USING btree ("organisation_id","content_hash");