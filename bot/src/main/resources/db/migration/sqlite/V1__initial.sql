CREATE TABLE inbox (
  id                    INTEGER PRIMARY KEY,
  channel               TEXT    NOT NULL,
  channel_message_id    TEXT    NOT NULL,
  sender_channel        TEXT    NOT NULL,
  sender_id             TEXT    NOT NULL,
  sender_is_group       INTEGER NOT NULL,
  group_channel         TEXT,
  group_id              TEXT,
  group_is_group        INTEGER,
  text                  TEXT    NOT NULL,
  subject               TEXT,
  language_hint         TEXT,
  reply_to              TEXT,
  addressed_to_bot      INTEGER NOT NULL,
  sender_is_group_admin INTEGER NOT NULL,
  received_at           INTEGER NOT NULL,
  processed             INTEGER NOT NULL DEFAULT 0,
  UNIQUE (channel, channel_message_id)
);
CREATE INDEX inbox_unprocessed ON inbox (id) WHERE processed = 0;

CREATE TABLE listings (
  id              INTEGER PRIMARY KEY,
  ref             TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  kind            TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  text            TEXT    NOT NULL,
  items_json      TEXT    NOT NULL,
  place_text      TEXT,
  place_name      TEXT,
  place_country   TEXT,
  place_lat       REAL,
  place_lon       REAL,
  urgency         TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  author_channel  TEXT    NOT NULL,
  author_id       TEXT    NOT NULL,
  author_is_group INTEGER NOT NULL,
  language        TEXT    NOT NULL,
  external_id     TEXT
);
CREATE INDEX listings_external_id ON listings (external_id);
CREATE INDEX listings_author ON listings (author_channel, author_id);

CREATE TABLE listing_categories (
  listing_id INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  category   TEXT    NOT NULL,
  PRIMARY KEY (listing_id, category)
) WITHOUT ROWID;
CREATE INDEX listing_categories_category ON listing_categories (category, listing_id);

CREATE TABLE matches (
  id           INTEGER PRIMARY KEY,
  need_id      INTEGER NOT NULL REFERENCES listings (id),
  offer_id     INTEGER NOT NULL REFERENCES listings (id),
  score        REAL    NOT NULL,
  reasons_json TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  UNIQUE (need_id, offer_id)
);
CREATE INDEX matches_offer ON matches (offer_id);

CREATE TABLE outbox (
  id                 INTEGER PRIMARY KEY,
  status             TEXT    NOT NULL,
  channel            TEXT    NOT NULL,
  recipient_id       TEXT    NOT NULL,
  recipient_is_group INTEGER NOT NULL,
  subject            TEXT,
  text               TEXT    NOT NULL,
  in_reply_to        TEXT,
  topic              TEXT,
  language           TEXT    NOT NULL,
  choices_json       TEXT    NOT NULL,
  created_at         INTEGER NOT NULL,
  not_before         INTEGER NOT NULL,
  attempts           INTEGER NOT NULL DEFAULT 0,
  last_error         TEXT,
  sent_at            INTEGER,
  channel_message_id TEXT
);
CREATE INDEX outbox_pending ON outbox (channel, id) WHERE status = 'PENDING';
CREATE INDEX outbox_pending_recipient ON outbox (channel, recipient_id, id)
  WHERE status = 'PENDING';
CREATE INDEX outbox_channel_message ON outbox (channel, channel_message_id);

CREATE TABLE subscriptions (
  group_channel  TEXT    NOT NULL,
  group_id       TEXT    NOT NULL,
  group_is_group INTEGER NOT NULL,
  center_text    TEXT    NOT NULL,
  center_name    TEXT,
  center_country TEXT,
  center_lat     REAL,
  center_lon     REAL,
  radius_km      REAL    NOT NULL,
  categories     TEXT    NOT NULL,
  language       TEXT,
  PRIMARY KEY (group_channel, group_id)
);

CREATE TABLE unreachable (
  address_channel  TEXT    NOT NULL,
  address_id       TEXT    NOT NULL,
  address_is_group INTEGER NOT NULL,
  PRIMARY KEY (address_channel, address_id)
);

CREATE TABLE state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
