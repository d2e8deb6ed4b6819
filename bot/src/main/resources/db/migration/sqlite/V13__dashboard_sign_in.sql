-- The coordinators' web dashboard: one-time sign-in links and the sessions they start. Only a
-- SHA-256 hash of each token is kept, so a copy of the database opens no session.
CREATE TABLE dashboard_links (
  token_hash     TEXT    PRIMARY KEY,
  person_channel TEXT    NOT NULL,
  person_id      TEXT    NOT NULL,
  expires_at     INTEGER NOT NULL,
  used_at        INTEGER
) WITHOUT ROWID;

CREATE TABLE dashboard_sessions (
  session_hash   TEXT    PRIMARY KEY,
  person_channel TEXT    NOT NULL,
  person_id      TEXT    NOT NULL,
  csrf_token     TEXT    NOT NULL,
  expires_at     INTEGER NOT NULL
) WITHOUT ROWID;
