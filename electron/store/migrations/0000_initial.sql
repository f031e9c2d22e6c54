CREATE TABLE `access_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`at` text NOT NULL,
	`organisation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`on_behalf_of` text,
	`action` text NOT NULL,
	`event` text NOT NULL,
	`client_id` text,
	`object_type` text NOT NULL,
	`object_id` text,
	`outcome` text NOT NULL,
	`reason` text,
	`device_id` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `access_log_client` ON `access_log` (`client_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `access_log_id` ON `access_log` (`id`);--> statement-breakpoint
CREATE TABLE `allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`field_clocks` text NOT NULL,
	`server_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`client_id` text NOT NULL,
	`law` text NOT NULL,
	`product_code` text NOT NULL,
	`product_name` text NOT NULL,
	`unit` text NOT NULL,
	`volume` integer,
	`start_date` text NOT NULL,
	`end_date` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `allocations_client` ON `allocations` (`client_id`);--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`field_clocks` text NOT NULL,
	`server_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`title` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`location` text,
	`notes` text,
	`practitioner_ids` text NOT NULL,
	`client_ids` text NOT NULL,
	`locked_at` text
);
--> statement-breakpoint
CREATE INDEX `appointments_starts_at` ON `appointments` (`starts_at`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`field_clocks` text NOT NULL,
	`server_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`dossier_number` text NOT NULL,
	`first_name` text NOT NULL,
	`infix` text,
	`last_name` text NOT NULL,
	`birth_date` text,
	`bsn` text,
	`street` text,
	`house_number` text,
	`house_number_addition` text,
	`postcode` text,
	`city` text,
	`phone` text,
	`email` text,
	`gp_name` text,
	`insurer` text,
	`status` text NOT NULL,
	`care_start_date` text,
	`care_end_date` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clients_org_dossier_number` ON `clients` (`organisation_id`,`dossier_number`);--> statement-breakpoint
CREATE INDEX `clients_org_bsn` ON `clients` (`organisation_id`,`bsn`);--> statement-breakpoint
CREATE INDEX `clients_org_postcode` ON `clients` (`organisation_id`,`postcode`);--> statement-breakpoint
CREATE INDEX `clients_org_last_name` ON `clients` (`organisation_id`,`last_name`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`field_clocks` text NOT NULL,
	`server_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`client_id` text NOT NULL,
	`relation` text NOT NULL,
	`name` text NOT NULL,
	`organisation_name` text,
	`phone` text,
	`email` text,
	`note` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contacts_client` ON `contacts` (`client_id`);--> statement-breakpoint
CREATE TABLE `device_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`field_clocks` text NOT NULL,
	`server_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`client_id` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`description` text,
	`size_bytes` integer NOT NULL,
	`content_hash` text NOT NULL,
	`uploaded_by` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `documents_client` ON `documents` (`client_id`);--> statement-breakpoint
CREATE INDEX `documents_content_hash` ON `documents` (`content_hash`);--> statement-breakpoint
CREATE TABLE `dossier_access` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`field_clocks` text NOT NULL,
	`server_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`client_id` text NOT NULL,
	`user_id` text NOT NULL,
	`can_read` integer NOT NULL,
	`can_edit` integer NOT NULL,
	`can_sign_off` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossier_access_client_user` ON `dossier_access` (`client_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `dossier_access_user` ON `dossier_access` (`user_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`field_clocks` text NOT NULL,
	`server_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`auto_lock_minutes` integer DEFAULT 15 NOT NULL,
	`require_two_factor` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mutation_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`client_id` text,
	`op` text NOT NULL,
	`changes` text NOT NULL,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_mutation_id` ON `outbox` (`mutation_id`);--> statement-breakpoint
CREATE INDEX `outbox_row` ON `outbox` (`table_name`,`row_id`);--> statement-breakpoint
CREATE TABLE `report_access` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`field_clocks` text NOT NULL,
	`server_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`client_id` text NOT NULL,
	`report_id` text NOT NULL,
	`user_id` text NOT NULL,
	`can_read` integer NOT NULL,
	`can_edit` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_access_report_user` ON `report_access` (`report_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `report_access_user` ON `report_access` (`user_id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`field_clocks` text NOT NULL,
	`server_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`occurred_at` text NOT NULL,
	`author_id` text NOT NULL,
	`category` text NOT NULL,
	`body` text NOT NULL,
	`visibility` text NOT NULL,
	`addendum_of` text,
	`signed_off_by` text,
	`signed_off_at` text,
	`locked_by` text,
	`locked_at` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reports_client_occurred` ON `reports` (`client_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `reports_addendum_of` ON `reports` (`addendum_of`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`field_clocks` text NOT NULL,
	`server_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`key` text NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settings_org_key` ON `settings` (`organisation_id`,`key`);--> statement-breakpoint
CREATE TABLE `time_registrations` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`field_clocks` text NOT NULL,
	`server_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`client_id` text NOT NULL,
	`user_id` text NOT NULL,
	`allocation_id` text,
	`date` text NOT NULL,
	`amount` integer NOT NULL,
	`unit` text NOT NULL,
	`appointment_id` text,
	`note` text,
	`declared_at` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `time_registrations_client_date` ON `time_registrations` (`client_id`,`date`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`field_clocks` text NOT NULL,
	`server_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`status` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_org_email` ON `users` (`organisation_id`,`email`);