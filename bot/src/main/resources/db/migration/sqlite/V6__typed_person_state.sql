-- Typed tables for what the state key/value table kept about people as strings: bans, the
-- bot's questions waiting for an answer, consent to swap contact details, relay counts and
-- coordinators' broadcast drafts. Rows that name a listing go with it (ON DELETE
-- CASCADE); rows that name a person are keyed by their address, so forgetting them is a plain
-- DELETE. Existing values move over and leave state; a value that names a listing
-- no longer there is dropped, as it could never be used.
CREATE TABLE bans (
  address_channel TEXT    NOT NULL,
  address_id      TEXT    NOT NULL,
  banned_at       INTEGER NOT NULL,
  PRIMARY KEY (address_channel, address_id)
) WITHOUT ROWID;

CREATE TABLE pending_questions (
  address_channel TEXT    NOT NULL,
  address_id      TEXT    NOT NULL,
  topic           TEXT    NOT NULL,
  question        TEXT    NOT NULL,
  listing_id      INTEGER REFERENCES listings (id) ON DELETE CASCADE,
  asked_at        INTEGER NOT NULL,
  PRIMARY KEY (address_channel, address_id, topic)
) WITHOUT ROWID;
CREATE INDEX pending_questions_listing ON pending_questions (listing_id);

CREATE TABLE share_consents (
  need_id  INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  offer_id INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  side     TEXT    NOT NULL,
  given_at INTEGER NOT NULL,
  PRIMARY KEY (need_id, offer_id, side)
) WITHOUT ROWID;
CREATE INDEX share_consents_offer ON share_consents (offer_id);

CREATE TABLE relay_counts (
  address_channel TEXT    NOT NULL,
  address_id      TEXT    NOT NULL,
  hour            INTEGER NOT NULL,
  relays          INTEGER NOT NULL,
  PRIMARY KEY (address_channel, address_id)
) WITHOUT ROWID;

CREATE TABLE broadcast_drafts (
  address_channel TEXT    NOT NULL,
  address_id      TEXT    NOT NULL,
  area_name       TEXT,
  area_lat        REAL,
  area_lon        REAL,
  category        TEXT,
  text            TEXT    NOT NULL,
  expires_at      INTEGER NOT NULL,
  PRIMARY KEY (address_channel, address_id)
) WITHOUT ROWID;

INSERT OR IGNORE INTO bans (address_channel, address_id, banned_at)
SELECT substr(q, 1, instr(q, ':') - 1), substr(q, instr(q, ':') + 1),
       CAST(strftime('%s', 'now') AS INTEGER) * 1000
  FROM (SELECT substr(key, 8) AS q FROM state WHERE key LIKE 'banned:%' AND value = '1');

INSERT OR IGNORE INTO pending_questions
       (address_channel, address_id, topic, question, listing_id, asked_at)
SELECT substr(q, 1, instr(q, ':') - 1), substr(q, instr(q, ':') + 1), 'LISTING',
       upper(substr(value, 1, instr(value, ':') - 1)),
       CAST(substr(value, instr(value, ':') + 1) AS INTEGER),
       CAST(strftime('%s', 'now') AS INTEGER) * 1000
  FROM (SELECT substr(key, 10) AS q, value FROM state
         WHERE key LIKE 'question:%' AND value <> '')
 WHERE CAST(substr(value, instr(value, ':') + 1) AS INTEGER) IN (SELECT id FROM listings);

INSERT OR IGNORE INTO pending_questions
       (address_channel, address_id, topic, question, listing_id, asked_at)
SELECT substr(q, 1, instr(q, ':') - 1), substr(q, instr(q, ':') + 1), 'FORGET', 'FORGET',
       NULL, CAST(strftime('%s', 'now') AS INTEGER) * 1000
  FROM (SELECT substr(key, 8) AS q FROM state WHERE key LIKE 'forget:%' AND value <> '');

WITH s AS (SELECT substr(key, 13) AS pair, value FROM state
            WHERE key LIKE 'share:match:%' AND value <> ''),
     p AS (SELECT CAST(substr(pair, 1, instr(pair, ':') - 1) AS INTEGER) AS need_id,
                  CAST(substr(pair, instr(pair, ':') + 1) AS INTEGER) AS offer_id, value
             FROM s)
INSERT OR IGNORE INTO share_consents (need_id, offer_id, side, given_at)
SELECT need_id, offer_id, side.name, CAST(strftime('%s', 'now') AS INTEGER) * 1000
  FROM p JOIN (SELECT 'NEED' AS name UNION ALL SELECT 'OFFER') AS side
 WHERE (p.value = 'done' OR instr(p.value, side.name) > 0)
   AND need_id IN (SELECT id FROM listings) AND offer_id IN (SELECT id FROM listings);

INSERT OR IGNORE INTO relay_counts (address_channel, address_id, hour, relays)
SELECT substr(q, 1, instr(q, ':') - 1), substr(q, instr(q, ':') + 1),
       CAST(substr(value, 1, instr(value, ':') - 1) AS INTEGER),
       CAST(substr(value, instr(value, ':') + 1) AS INTEGER)
  FROM (SELECT substr(key, 12) AS q, value FROM state
         WHERE key LIKE 'relay-rate:%' AND instr(value, ':') > 0);

WITH d0 AS (SELECT substr(key, 11) AS q, value AS r FROM state
             WHERE key LIKE 'broadcast:%' AND value <> ''),
     d1 AS (SELECT q, substr(r, 1, instr(r, '|') - 1) AS expires,
                   substr(r, instr(r, '|') + 1) AS r FROM d0),
     d2 AS (SELECT q, expires, substr(r, 1, instr(r, '|') - 1) AS lat,
                   substr(r, instr(r, '|') + 1) AS r FROM d1),
     d3 AS (SELECT q, expires, lat, substr(r, 1, instr(r, '|') - 1) AS lon,
                   substr(r, instr(r, '|') + 1) AS r FROM d2),
     d4 AS (SELECT q, expires, lat, lon, substr(r, 1, instr(r, '|') - 1) AS category,
                   substr(r, instr(r, '|') + 1) AS r FROM d3),
     d5 AS (SELECT q, expires, lat, lon, category, substr(r, 1, instr(r, '|') - 1) AS name,
                   substr(r, instr(r, '|') + 1) AS text FROM d4)
INSERT OR IGNORE INTO broadcast_drafts
       (address_channel, address_id, area_name, area_lat, area_lon, category, text,
        expires_at)
SELECT substr(q, 1, instr(q, ':') - 1), substr(q, instr(q, ':') + 1),
       CASE WHEN lat = 'all' THEN NULL ELSE name END,
       CASE WHEN lat = 'all' THEN NULL ELSE CAST(lat AS REAL) END,
       CASE WHEN lat = 'all' THEN NULL ELSE CAST(lon AS REAL) END,
       NULLIF(category, ''), text, CAST(expires AS INTEGER)
  FROM d5;

DELETE FROM state
 WHERE key LIKE 'banned:%' OR key LIKE 'question:%' OR key LIKE 'forget:%'
    OR key LIKE 'share:match:%' OR key LIKE 'relay-rate:%' OR key LIKE 'broadcast:%';
