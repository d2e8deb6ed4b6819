-- Which listings changed, in order: every change to a listing or to its categories, whoever makes
-- it (this instance, a command, another instance), adds a row in the same transaction (the
-- triggers below). The match index's snapshot beside the database names the last row it had seen
-- when it was written; a start then reads only the listings changed after that row, so a snapshot
-- written while the bot ran still serves after a kill (MatchIndexSnapshot). The token, drawn at
-- random for every row, tells this database's row from the row of the same number in a copy of it
-- that went on otherwise (a restored backup). Rows before the last snapshot's are deleted once it
-- is written; the first row below makes sure there is always a row to start after.
--
-- It replaces the version of step 22, which only told whether anything at all had changed.
CREATE TABLE listing_changes (
  seq        INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL,
  token      INTEGER NOT NULL DEFAULT (random())
);
INSERT INTO listing_changes (listing_id) VALUES (0);

CREATE TRIGGER listing_changes_on_insert AFTER INSERT ON listings
BEGIN
  INSERT INTO listing_changes (listing_id) VALUES (NEW.id);
END;
CREATE TRIGGER listing_changes_on_update AFTER UPDATE ON listings
BEGIN
  INSERT INTO listing_changes (listing_id) VALUES (NEW.id);
END;
CREATE TRIGGER listing_changes_on_delete AFTER DELETE ON listings
BEGIN
  INSERT INTO listing_changes (listing_id) VALUES (OLD.id);
END;
CREATE TRIGGER listing_changes_on_category_insert AFTER INSERT ON listing_categories
BEGIN
  INSERT INTO listing_changes (listing_id) VALUES (NEW.listing_id);
END;
CREATE TRIGGER listing_changes_on_category_update AFTER UPDATE ON listing_categories
BEGIN
  INSERT INTO listing_changes (listing_id) VALUES (NEW.listing_id);
END;
CREATE TRIGGER listing_changes_on_category_delete AFTER DELETE ON listing_categories
BEGIN
  INSERT INTO listing_changes (listing_id) VALUES (OLD.listing_id);
END;

DROP TRIGGER listings_version_on_insert;
DROP TRIGGER listings_version_on_update;
DROP TRIGGER listings_version_on_delete;
DROP TRIGGER listings_version_on_category_insert;
DROP TRIGGER listings_version_on_category_update;
DROP TRIGGER listings_version_on_category_delete;
DROP TABLE listings_version;
