-- The per-address limit of comment submissions is counted by the shared rate limiter (shared_rate_limit_bucket),
-- in the transaction that stores the comments, as before: its own table goes.
drop table comments_address_bucket;
