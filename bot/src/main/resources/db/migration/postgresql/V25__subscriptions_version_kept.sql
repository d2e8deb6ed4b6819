-- PostgreSQL keeps the version of the subscriptions too (see the SQLite step 24): a trigger draws
-- a new one from a sequence with every statement that changes a subscription, in the same
-- transaction, whoever makes it (this instance or another). A sequence never gives a number twice,
-- even to a transaction that is rolled back, so an undone change leaves a version no later change
-- will have. The row is made by the first change (this step makes none: migrate-db refuses a
-- target with rows, and copies this table's SQLite row nowhere, DatabaseCopy); until then the
-- store reads the subscriptions every time.
CREATE SEQUENCE subscriptions_version_draws;

CREATE FUNCTION subscriptions_version_draw() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO subscriptions_version (one, version)
       VALUES (1, nextval('subscriptions_version_draws'))
  ON CONFLICT (one) DO UPDATE SET version = excluded.version;
  RETURN NULL;
END
$$;

CREATE TRIGGER subscriptions_version_on_change
  AFTER INSERT OR UPDATE OR DELETE ON subscriptions
  FOR EACH STATEMENT EXECUTE FUNCTION subscriptions_version_draw();
