-- The closed listings the retention has still to erase, by end of life: each page of the erasure
-- seeks to where the last one ended (expires_at, then id) and walks only listings not erased yet,
-- so a run after a mass expiry erases tens of thousands in pages that cost the same, and later runs
-- do not walk the ever-growing history of listings erased before. The condition is written exactly
-- as LifecycleTable's queries write it ('erased' is LifecycleTable.ERASED; OPEN and MATCHED are the
-- active statuses), so that the database sees that they ask only for rows this index holds.
CREATE INDEX listings_to_erase ON listings (expires_at, id)
  WHERE author_id <> 'erased' AND status NOT IN ('OPEN', 'MATCHED');
