-- FTS5 writes its index in leaves of up to 'pgsz' bytes (default 4050), one per row of the
-- %_data table. An encrypted page keeps 32 bytes for the ChaCha20-Poly1305 nonce and tag, so a row
-- fits on a 4 KiB page only up to ~4029 bytes: with the default nearly every leaf spilled onto an
-- overflow page (measured: 90 leaf + 629 overflow pages instead of ~650), and every leaf read or
-- written cost two page decryptions or encryptions. 4000 fits encrypted and plain pages alike.
-- The rebuild rewrites the existing leaves at the new size (small on devices today; ~2-3 s for
-- 500k reports).
INSERT INTO reports_fts(reports_fts, rank) VALUES ('pgsz', 4000);
--> statement-breakpoint
INSERT INTO reports_fts(reports_fts) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO clients_fts(clients_fts, rank) VALUES ('pgsz', 4000);
--> statement-breakpoint
INSERT INTO clients_fts(clients_fts) VALUES ('rebuild');
