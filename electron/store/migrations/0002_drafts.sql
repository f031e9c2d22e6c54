CREATE TABLE `drafts` (
	`user_id` text NOT NULL,
	`key` text NOT NULL,
	`client_id` text,
	`content` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `drafts_client` ON `drafts` (`client_id`);