-- The finished rows the retention deletes, by time and id: each page of the deletion seeks to where
-- the last one ended (the time, then the id), so deleting a busy day's hundreds of thousands of old
-- messages goes in pages that cost the same, one short transaction each (on PostgreSQL the rows a
-- page deleted stay in the index until a vacuum, so a page that started from the beginning would
-- walk them all). Each condition is written exactly as RetainedRows writes it, so that the database
-- sees that its queries ask only for rows the index holds. inbox_to_delete replaces inbox_received,
-- the same index without the id.
DROP INDEX inbox_received;
CREATE INDEX inbox_to_delete ON inbox (received_at, id) WHERE processed = 1;
CREATE INDEX outbox_sent_to_delete ON outbox (sent_at, id) WHERE status = 'SENT';
CREATE INDEX outbox_given_up_to_delete ON outbox (created_at, id)
  WHERE status IN ('UNDELIVERABLE', 'DEAD_LETTER');
