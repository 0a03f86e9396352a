-- Rate-limit buckets shared by every application node (Bucket4j's PostgreSQL store): sign-in, password reset and
-- invitation throttles hold however many nodes answer. The id is a SHA-256 of the limit and its key (no personal data);
-- the state is Bucket4j's own serialised form; expires_at (epoch milliseconds) is when the bucket is full again.
create table shared_rate_limit_bucket (
    id         varchar(64) primary key,
    state      bytea,
    expires_at bigint,
    -- the bucket's advisory-lock number, so that clean-up deletes only buckets nobody is using
    explicit_lock bigint
);
create index shared_rate_limit_bucket_expires_idx on shared_rate_limit_bucket (expires_at);
