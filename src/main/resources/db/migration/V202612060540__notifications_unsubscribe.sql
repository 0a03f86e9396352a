-- Issue 18, item 2: the daily digest as a whole can be turned off (the unsubscribe link of the digest e-mail)
-- without forgetting which kinds the person chose for it; the preferences page turns it on again.
alter table notifications_setting add column digest_enabled boolean not null default true;

-- A notice meant for the daily digest whatever its kind's delivery (a discussion followed with daily delivery),
-- and what its recipient must still be allowed to read when the digest is sent ('discussion-space:12'), asked of
-- the module that published it through shared.notice.NoticeAccess.
alter table notifications_notice add column for_digest boolean not null default false;
alter table notifications_notice add column scope varchar(120);
create index notifications_notice_for_digest_idx on notifications_notice (created_at) where for_digest;
