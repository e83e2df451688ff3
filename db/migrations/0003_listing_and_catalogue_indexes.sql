DROP INDEX `articles_published_idx`;--> statement-breakpoint
DROP INDEX `articles_section_published_idx`;--> statement-breakpoint
DROP INDEX `articles_author_published_idx`;--> statement-breakpoint
CREATE INDEX `articles_listed_idx` ON `articles` (`is_stub`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_section_listed_idx` ON `articles` (`section_id`,`is_stub`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_author_listed_idx` ON `articles` (`author_id`,`is_stub`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_catalogue_idx` ON `articles` (`is_stub`,`id`,`section_id`,`author_id`,`published_at`,`updated_at`,`slug`);--> statement-breakpoint
CREATE INDEX `comments_article_status_updated_idx` ON `comments` (`article_id`,`status`,`updated_at`);