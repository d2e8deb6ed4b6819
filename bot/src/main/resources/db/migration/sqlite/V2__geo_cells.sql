-- Each category row of a listing also carries the listing's one-degree geographic cell (see
-- GeoCells), so matching looks up (category, cell) instead of every listing in a category.
ALTER TABLE listing_categories ADD COLUMN cell INTEGER;

UPDATE listing_categories
   SET cell = (SELECT CAST(l.place_lat + 90 AS INTEGER) * 360 + CAST(l.place_lon + 180 AS INTEGER)
                 FROM listings l
                WHERE l.id = listing_categories.listing_id AND l.place_lat IS NOT NULL);

CREATE INDEX listing_categories_cell ON listing_categories (category, cell, listing_id);
