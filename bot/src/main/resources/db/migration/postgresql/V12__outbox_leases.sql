-- An entry is claimed (status SENDING, with a lease) before it is sent, so one whose send was
-- interrupted by a crash is found and sent again once, counted in resends.
-- attempts now counts real failures only (deferrals for pacing never did count as failures), so
-- the old counts, which mixed both, start over. Entries failing too often become DEAD_LETTER.
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;
ALTER TABLE outbox ADD COLUMN resends BIGINT NOT NULL DEFAULT 0;
UPDATE outbox SET attempts = 0 WHERE status = 'PENDING';
DROP INDEX outbox_pending;
DROP INDEX outbox_pending_recipient;
CREATE INDEX outbox_open ON outbox (channel, id) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX outbox_open_recipient ON outbox (channel, recipient_id, id)
  WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX outbox_dead_letters ON outbox (id) WHERE status = 'DEAD_LETTER';
