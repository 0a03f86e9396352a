-- Which database this is: PostgreSQL's cluster identifier and the database's OID, recorded at the first start.
-- A database restored from a logical backup (or moved by pg_upgrade) has another pair; the application then
-- ends the sessions the copy holds and holds the mail that was waiting in it (see docs/operations.md, Backups).
CREATE TABLE shared_database_identity (
  id          INT PRIMARY KEY CHECK (id = 1),
  identity    TEXT NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Mail that was waiting in a restored copy: most of it was sent after the backup was taken, so it is not sent
-- again on its own. The publication stays in event_publication marked completed; an operator releases a message
-- by the SQL in docs/operations.md.
CREATE TABLE shared_held_mail (
  publication_id UUID PRIMARY KEY,
  held_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
