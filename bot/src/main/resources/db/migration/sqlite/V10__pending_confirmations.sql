-- Commands that came by mail without proof, waiting for the answer to the bot's confirmation
-- mail: the message as it came, so it runs as if it had been proven.
CREATE TABLE pending_confirmations (
  id                 INTEGER PRIMARY KEY,
  sender_channel     TEXT    NOT NULL,
  sender_id          TEXT    NOT NULL,
  channel_message_id TEXT    NOT NULL,
  text               TEXT    NOT NULL,
  subject            TEXT,
  language_hint      TEXT,
  reply_to           TEXT,
  received_at        INTEGER NOT NULL,
  expires_at         INTEGER NOT NULL
);

CREATE INDEX pending_confirmations_sender
    ON pending_confirmations (sender_channel, sender_id);
