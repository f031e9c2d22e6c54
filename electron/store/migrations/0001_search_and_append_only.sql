-- Full-text search (FTS5) over report text and client names, and the append-only guard of the
-- access log. drizzle-kit does not model virtual tables or triggers, so this one is written by hand.
--
-- External-content FTS tables: the text lives once, in reports/clients; the index refers to rows by
-- rowid. VACUUM may renumber rowids of tables without an INTEGER PRIMARY KEY, so the store never
-- runs a bare VACUUM: its compact() rebuilds both indexes afterwards.
-- remove_diacritics 2: "Özdemir", "Ozdemir" and "ozdemir" find each other, as Dutch users expect.
CREATE VIRTUAL TABLE `reports_fts` USING fts5(body, content='reports', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `reports_fts_after_insert` AFTER INSERT ON `reports` BEGIN
  INSERT INTO reports_fts(rowid, body) VALUES (new.rowid, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `reports_fts_after_delete` AFTER DELETE ON `reports` BEGIN
  INSERT INTO reports_fts(reports_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `reports_fts_after_update` AFTER UPDATE OF body ON `reports` BEGIN
  INSERT INTO reports_fts(reports_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
  INSERT INTO reports_fts(rowid, body) VALUES (new.rowid, new.body);
END;
--> statement-breakpoint
INSERT INTO reports_fts(reports_fts) VALUES ('rebuild');
--> statement-breakpoint
-- Names are short: prefix indexes make "as you type" search (2 and 3 letters) an index lookup.
CREATE VIRTUAL TABLE `clients_fts` USING fts5(first_name, infix, last_name, content='clients', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `clients_fts_after_insert` AFTER INSERT ON `clients` BEGIN
  INSERT INTO clients_fts(rowid, first_name, infix, last_name) VALUES (new.rowid, new.first_name, new.infix, new.last_name);
END;
--> statement-breakpoint
CREATE TRIGGER `clients_fts_after_delete` AFTER DELETE ON `clients` BEGIN
  INSERT INTO clients_fts(clients_fts, rowid, first_name, infix, last_name) VALUES ('delete', old.rowid, old.first_name, old.infix, old.last_name);
END;
--> statement-breakpoint
CREATE TRIGGER `clients_fts_after_update` AFTER UPDATE OF first_name, infix, last_name ON `clients` BEGIN
  INSERT INTO clients_fts(clients_fts, rowid, first_name, infix, last_name) VALUES ('delete', old.rowid, old.first_name, old.infix, old.last_name);
  INSERT INTO clients_fts(rowid, first_name, infix, last_name) VALUES (new.rowid, new.first_name, new.infix, new.last_name);
END;
--> statement-breakpoint
INSERT INTO clients_fts(clients_fts) VALUES ('rebuild');
--> statement-breakpoint
-- NEN 7513: the access log is append-only. The hash chain makes tampering detectable; these
-- triggers make an accidental UPDATE/DELETE through the store impossible.
CREATE TRIGGER `access_log_no_update` BEFORE UPDATE ON `access_log` BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `access_log_no_delete` BEFORE DELETE ON `access_log` BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;
