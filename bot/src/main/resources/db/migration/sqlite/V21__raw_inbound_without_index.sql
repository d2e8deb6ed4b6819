-- raw_inbound holds only what waits to be handled: each payload is deleted once its messages are in
-- the inbox, and a channel's reading thread stops while maxWaiting payloads wait, so the table has a
-- few hundred rows at most (thousands with every channel at its limit). Its index on (channel,
-- retry_at, id) made every payload, each kept in a commit of its own the moment it is read, write a
-- second page to the log (and the batch's deletion as many again), for a table that is read in
-- rowid order anyway and quicker to walk whole than the pages its index cost: the load harness's
-- channels' path wrote about 80 MB more for 20,000 messages with it (BENCHMARKS.md).
DROP INDEX raw_inbound_due;
