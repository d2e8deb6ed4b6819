-- Which database this is: a random id made with the database (or when an older one is upgraded),
-- the same in every backup of it. The crash journals beside a SQLite file name the database they
-- were written for, and a start replays only its own database's (InstanceJournals).
CREATE TABLE database_identity (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  id  TEXT NOT NULL
);
INSERT INTO database_identity (one, id) VALUES (1, lower(hex(randomblob(16))));
