-- The SQLite step of this number drops raw_inbound's index: there each payload is a commit of its
-- own and the index cost a page in the log per payload. PostgreSQL keeps it: the table is shared by
-- every instance and emptied by MVCC deletions that leave dead rows until a vacuum, which a walk of
-- the whole table would read again and again. Nothing changes here; the step exists so that both
-- databases keep the same schema versions.
SELECT 1;
