CREATE TABLE `sync_conflicts` (
	`conflict_id` text PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`client_id` text,
	`conflict` text NOT NULL,
	`status` text NOT NULL,
	`local_only` integer DEFAULT false NOT NULL,
	`seq` integer
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_row` ON `sync_conflicts` (`table_name`,`row_id`);--> statement-breakpoint
CREATE INDEX `sync_conflicts_client` ON `sync_conflicts` (`client_id`);--> statement-breakpoint
CREATE TABLE `sync_rejected` (
	`mutation_id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`client_id` text,
	`mutation` text NOT NULL,
	`reason` text NOT NULL,
	`message` text NOT NULL,
	`rejected_at` text NOT NULL,
	`handled_at` text
);
--> statement-breakpoint
CREATE INDEX `sync_rejected_client` ON `sync_rejected` (`client_id`);--> statement-breakpoint
CREATE TABLE `sync_shadows` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`state` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `base_clocks` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `sync_extra` text;