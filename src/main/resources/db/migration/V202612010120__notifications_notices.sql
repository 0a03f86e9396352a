-- In-application notices (the header's "Powiadomienia"): one row per notice and recipient. The id is the
-- NoticeRequested's own, so a repeated delivery of the same request is stored once.
create table notifications_notice (
    id          uuid          primary key,
    account_id  bigint        not null,
    kind        varchar(64)   not null,
    text        text          not null,
    link        varchar(2000) not null,
    created_at  timestamptz   not null,
    read_at     timestamptz
);
create index notifications_notice_account_idx on notifications_notice (account_id, created_at desc, id);
-- The header's unread count reads only this.
create index notifications_notice_unread_idx on notifications_notice (account_id) where read_at is null;
