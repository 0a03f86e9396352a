-- The shared rate limits keep their token buckets in plain columns instead of Bucket4j's serialised state (issue 19,
-- item 6): one insert ... on conflict do update takes a token (or, in the caller's transaction, the tokens of a whole
-- group of submissions), its row lock making concurrent takes on any node exact. The buckets of the moment are not
-- carried over (every limit starts full once).
-- id: a SHA-256 of the limit and its key (no personal data); tokens: what was left at updated_at (the database's
-- time), refilled evenly since; granted: how many the last take let through (read back by the same statement);
-- expires_at: when the bucket is full again and may be deleted.
drop table shared_rate_limit_bucket;
create table shared_rate_limit_bucket (
    id          varchar(64) primary key,
    tokens      double precision not null,
    granted     integer not null,
    updated_at  timestamptz not null,
    expires_at  timestamptz not null
);
create index shared_rate_limit_bucket_expires_idx on shared_rate_limit_bucket (expires_at);
