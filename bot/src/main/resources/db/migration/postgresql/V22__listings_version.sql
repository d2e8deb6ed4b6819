-- The version of the listings (see the SQLite step of the same number). Only a SQLite file has a
-- match index snapshot beside it, so PostgreSQL keeps no version (no triggers, no row of its own):
-- the table is here so that migrate-db finds every SQLite table on this side; a row it copies is
-- never read here.
CREATE TABLE listings_version (
  one     INTEGER PRIMARY KEY CHECK (one = 1),
  version BIGINT NOT NULL
);
