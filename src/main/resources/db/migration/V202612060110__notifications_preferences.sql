-- Issue 18, item 2: how each person receives each kind of notification (pl.koordes.shared.notice.NotificationKind):
-- EMAIL (an e-mail at once), DIGEST (in the daily digest) or APP (only in the notification centre). A kind without
-- a row takes the account's default: default_delivery for kinds with e-mail of their own, APP for the others.
create table notifications_setting (
    account_id        bigint       primary key,
    default_delivery  varchar(16)  not null default 'EMAIL' check (default_delivery in ('EMAIL', 'DIGEST', 'APP')),
    digest_hour       smallint     not null default 7 check (digest_hour between 0 and 23),
    updated_at        timestamptz  not null
);

create table notifications_preference (
    account_id  bigint       not null,
    kind        varchar(64)  not null,
    delivery    varchar(16)  not null check (delivery in ('EMAIL', 'DIGEST', 'APP')),
    primary key (account_id, kind)
);

-- The single switch "Chcę dostawać powiadomienia e-mail" moves here without losing anyone's choice: an account
-- that had it off keeps every optional kind out of its mailbox (only in the application) until it chooses otherwise.
-- (A one-off copy from the accounts module's table; the code never reads another module's table.)
insert into notifications_setting (account_id, default_delivery, updated_at)
select id, 'APP', now() from account where notifications_enabled = false;
