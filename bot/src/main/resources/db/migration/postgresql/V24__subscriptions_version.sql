-- The version of the subscriptions (see the SQLite step of the same number). PostgreSQL keeps none
-- for now (no triggers, no row of its own): the store there reads every subscription each time. A
-- row of its own would make migrate-db refuse this database as not empty; the table is here so
-- that migrate-db finds every SQLite table on this side, and a row it copies is never read here.
CREATE TABLE subscriptions_version (
  one     INTEGER PRIMARY KEY CHECK (one = 1),
  version BIGINT NOT NULL
);
