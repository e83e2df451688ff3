-- Full-text search over headlines, standfirsts and body paragraphs (FTS5), kept in step with articles by triggers.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(`title`, `standfirst`, `body`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `articles_fts_insert` AFTER INSERT ON `articles` BEGIN
  INSERT INTO `articles_fts` (`rowid`, `title`, `standfirst`, `body`)
  VALUES (new.`id`, new.`title`, new.`standfirst`,
    (SELECT coalesce(group_concat(json_extract(value, '$.text'), char(10)), '') FROM json_each(new.`body`) WHERE json_extract(value, '$.type') = 'paragraph'));
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_update` AFTER UPDATE OF `title`, `standfirst`, `body` ON `articles` BEGIN
  DELETE FROM `articles_fts` WHERE `rowid` = old.`id`;
  INSERT INTO `articles_fts` (`rowid`, `title`, `standfirst`, `body`)
  VALUES (new.`id`, new.`title`, new.`standfirst`,
    (SELECT coalesce(group_concat(json_extract(value, '$.text'), char(10)), '') FROM json_each(new.`body`) WHERE json_extract(value, '$.type') = 'paragraph'));
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_delete` AFTER DELETE ON `articles` BEGIN
  DELETE FROM `articles_fts` WHERE `rowid` = old.`id`;
END;
