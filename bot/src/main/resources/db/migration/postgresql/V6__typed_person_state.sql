-- Typed tables for what the state key/value table kept about people as strings: bans, the
-- bot's questions waiting for an answer, consent to swap contact details, relay counts and
-- coordinators' broadcast drafts. Rows that name a listing go with it (ON DELETE
-- CASCADE); rows that name a person are keyed by their address, so forgetting them is a plain
-- DELETE. Existing values move over and leave state; a value that names a listing
-- no longer there is dropped, as it could never be used.
CREATE TABLE bans (
  address_channel TEXT    NOT NULL,
  address_id      TEXT    NOT NULL,
  banned_at       BIGINT NOT NULL,
  PRIMARY KEY (address_channel, address_id)
);

CREATE TABLE pending_questions (
  address_channel TEXT    NOT NULL,
  address_id      TEXT    NOT NULL,
  topic           TEXT    NOT NULL,
  question        TEXT    NOT NULL,
  listing_id      BIGINT REFERENCES listings (id) ON DELETE CASCADE,
  asked_at        BIGINT NOT NULL,
  PRIMARY KEY (address_channel, address_id, topic)
);
CREATE INDEX pending_questions_listing ON pending_questions (listing_id);

CREATE TABLE share_consents (
  need_id  BIGINT NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  offer_id BIGINT NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  side     TEXT    NOT NULL,
  given_at BIGINT NOT NULL,
  PRIMARY KEY (need_id, offer_id, side)
);
CREATE INDEX share_consents_offer ON share_consents (offer_id);

CREATE TABLE relay_counts (
  address_channel TEXT    NOT NULL,
  address_id      TEXT    NOT NULL,
  hour            BIGINT NOT NULL,
  relays          BIGINT NOT NULL,
  PRIMARY KEY (address_channel, address_id)
);

CREATE TABLE broadcast_drafts (
  address_channel TEXT    NOT NULL,
  address_id      TEXT    NOT NULL,
  area_name       TEXT,
  area_lat        DOUBLE PRECISION,
  area_lon        DOUBLE PRECISION,
  category        TEXT,
  text            TEXT    NOT NULL,
  expires_at      BIGINT NOT NULL,
  PRIMARY KEY (address_channel, address_id)
);

-- The moves of old values out of state are SQLite-only: a PostgreSQL database is made new
-- (migrate-db copies a SQLite database that is already at the latest version into it).
