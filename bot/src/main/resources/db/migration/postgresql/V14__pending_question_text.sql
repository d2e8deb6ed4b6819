-- The question "is this something you need?" keeps the words it asks about, so that a yes makes
-- the listing from them. They go with the question (and with the person, when forgotten).
ALTER TABLE pending_questions ADD COLUMN text TEXT;
