-- Link codes, each sent to one identity and typed back on another (the codes kept as strings in
-- state before are emptied: they named who asked); and whether an identity link was
-- proven on both sides (links made before were not, and carry no coordinator rights).
CREATE TABLE link_codes (
  code              TEXT    PRIMARY KEY,
  requester_channel TEXT    NOT NULL,
  requester_id      TEXT    NOT NULL,
  target_channel    TEXT,
  target_id         TEXT,
  expires_at        INTEGER NOT NULL
) WITHOUT ROWID;

ALTER TABLE identity_links ADD COLUMN proven INTEGER NOT NULL DEFAULT 0;

UPDATE state SET value = '' WHERE key LIKE 'link-code:%';
