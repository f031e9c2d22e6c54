CREATE TABLE `sync_parked_rows` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`client_id` text,
	`row` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
CREATE INDEX `sync_parked_rows_client` ON `sync_parked_rows` (`client_id`);