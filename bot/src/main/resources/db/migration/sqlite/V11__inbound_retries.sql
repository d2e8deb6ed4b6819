-- Inbound messages whose handling failed are tried again later (attempts,
-- retry_at); one given up on is kept with processed = 2 for an operator.
-- raw_inbound keeps what a channel received before it is translated (a Signal notification, a
-- Telegram update), so it is stored the moment it is read and nothing waits in memory.
ALTER TABLE inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE inbox ADD COLUMN retry_at INTEGER NOT NULL DEFAULT 0;

CREATE TABLE raw_inbound (
  id          INTEGER PRIMARY KEY,
  channel     TEXT    NOT NULL,
  payload     TEXT    NOT NULL,
  received_at INTEGER NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  retry_at    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT
);
CREATE INDEX raw_inbound_due ON raw_inbound (channel, retry_at, id);
