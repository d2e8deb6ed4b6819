-- What the listings' life needs: which expiry the author was asked about (so the question comes
-- once), which rings a need was escalated to (once each, counted for statistics), and which
-- digests a group was sent (so a restart does not send one twice).
CREATE TABLE renewal_prompts (
  listing_id INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  asked_at   INTEGER NOT NULL,
  PRIMARY KEY (listing_id, expires_at)
) WITHOUT ROWID;

CREATE TABLE escalations (
  listing_id   INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  ring         INTEGER NOT NULL,
  escalated_at INTEGER NOT NULL,
  PRIMARY KEY (listing_id, ring)
) WITHOUT ROWID;
CREATE INDEX escalations_ring ON escalations (ring);

CREATE TABLE digests_sent (
  group_channel TEXT    NOT NULL,
  group_id      TEXT    NOT NULL,
  period        TEXT    NOT NULL,
  sent_at       INTEGER NOT NULL,
  PRIMARY KEY (group_channel, group_id, period)
) WITHOUT ROWID;

CREATE INDEX listings_life ON listings (status, expires_at);
CREATE INDEX inbox_received ON inbox (received_at) WHERE processed = 1;
CREATE INDEX outbox_recipient ON outbox (channel, recipient_id);
CREATE INDEX outbox_finished ON outbox (status, sent_at);
CREATE INDEX outbox_sent_topic ON outbox (topic) WHERE status = 'SENT';
