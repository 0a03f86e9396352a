-- The per-address limit of comment submissions, counted in the transaction that stores the comments (issue 19,
-- item 6): one token bucket per client address, keyed by a keyed hash of the address (no address is kept). A
-- bucket holds up to the limit's capacity, refilled evenly over its period; a bucket that would be full again is
-- deleted. granted: how many submissions the last write let through (read back in the same statement).
create table comments_address_bucket (
    key         varchar(128) primary key,
    tokens      double precision not null,
    granted     integer not null,
    updated_at  timestamptz not null
);
create index comments_address_bucket_updated_idx on comments_address_bucket (updated_at);

-- Expired proofs of work are deleted by expiry: without an index every deletion read the whole table.
create index comments_used_challenge_expires_idx on comments_used_challenge (expires_at);
