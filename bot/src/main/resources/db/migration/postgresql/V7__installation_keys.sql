-- One random secret per purpose, made on first use (see Store#installationKey). IF
-- NOT EXISTS: other steps may create the same table for their own purposes.
CREATE TABLE IF NOT EXISTS installation_keys (
  purpose TEXT PRIMARY KEY,
  key     BYTEA NOT NULL
);
