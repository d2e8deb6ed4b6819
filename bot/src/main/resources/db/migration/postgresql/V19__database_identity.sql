-- Which database this is (see the SQLite step of the same number). Only SQLite has crash
-- journals, so PostgreSQL makes no id of its own: migrate-db copies the SQLite file's, so that the
-- tables hold the same on both sides.
CREATE TABLE database_identity (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  id  TEXT NOT NULL
);
