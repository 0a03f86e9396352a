-- The development mailbox: messages "sent" while no SMTP server is configured, shown at /admin/poczta.
-- The id is the message's own id (MailRequested.id), so a message delivered twice after a crash is kept once.
create table notifications_dev_mailbox (
    id            uuid primary key,
    delivered_at  timestamptz not null,
    sender        text not null,
    recipient     text not null,
    reply_to      text,
    subject       text not null,
    kind          text not null,
    text_body     text not null,
    html_body     text not null
);
create index notifications_dev_mailbox_newest_idx on notifications_dev_mailbox (delivered_at desc, id);
