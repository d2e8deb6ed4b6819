-- Only a SQLite file has a match index snapshot beside it, so PostgreSQL keeps no journal of
-- listing changes (see the SQLite step of the same number; migrate-db does not copy it,
-- DatabaseCopy). The version of step 22, which nothing reads any more, goes on both sides.
DROP TABLE listings_version;
