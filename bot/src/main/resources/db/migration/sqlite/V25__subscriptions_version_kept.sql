-- Nothing for SQLite: its triggers of step 24 keep the version already. (PostgreSQL's step of the
-- same number gives it one too.)
SELECT 1;
