-- Issue 18, item 3: the daily digests, one row per account and day (Europe/Warsaw), written in the transaction that
-- queues the message: the primary key lets one node of a cluster take a day, and the next digest starts where this
-- one ended (covered_until). A day with nothing to tell keeps its row with notices = 0 and no message.
create table notifications_digest (
    account_id     bigint       not null,
    digest_day     date         not null,
    covered_until  timestamptz  not null,
    notices        integer      not null,
    primary key (account_id, digest_day)
);
