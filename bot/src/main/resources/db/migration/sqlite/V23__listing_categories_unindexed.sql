-- Nothing reads listing_categories by category or by cell any more: matching reads the in-memory
-- match index (MatchIndex), and the listings' own queries find their categories by listing, through
-- the table's key. The two indexes were still written for every category of every new, changed or
-- deleted listing: two more B-tree entries each, and their pages in every commit's log. The cell
-- column stays filled, so that an index by area can be made again by a later step when a query
-- needs one.
DROP INDEX listing_categories_category;
DROP INDEX listing_categories_cell;
