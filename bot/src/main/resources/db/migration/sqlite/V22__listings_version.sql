-- Which state the listings are in: a random number drawn anew by every change to a listing or to
-- its categories, in the same transaction (the triggers below), whoever makes it (this instance,
-- another one, a command, a restored backup's later history). The match index's snapshot beside
-- the database file names the version it was written at and is used at a start only when the
-- database still says that version (MatchIndexSnapshot); a random draw rather than a counter, so
-- that two copies of a database that went on separately never share a version by chance.
CREATE TABLE listings_version (
  one     INTEGER PRIMARY KEY CHECK (one = 1),
  version INTEGER NOT NULL
);
INSERT INTO listings_version (one, version) VALUES (1, random());

CREATE TRIGGER listings_version_on_insert AFTER INSERT ON listings
BEGIN
  UPDATE listings_version SET version = random() WHERE one = 1;
END;
CREATE TRIGGER listings_version_on_update AFTER UPDATE ON listings
BEGIN
  UPDATE listings_version SET version = random() WHERE one = 1;
END;
CREATE TRIGGER listings_version_on_delete AFTER DELETE ON listings
BEGIN
  UPDATE listings_version SET version = random() WHERE one = 1;
END;
CREATE TRIGGER listings_version_on_category_insert AFTER INSERT ON listing_categories
BEGIN
  UPDATE listings_version SET version = random() WHERE one = 1;
END;
CREATE TRIGGER listings_version_on_category_update AFTER UPDATE ON listing_categories
BEGIN
  UPDATE listings_version SET version = random() WHERE one = 1;
END;
CREATE TRIGGER listings_version_on_category_delete AFTER DELETE ON listing_categories
BEGIN
  UPDATE listings_version SET version = random() WHERE one = 1;
END;
