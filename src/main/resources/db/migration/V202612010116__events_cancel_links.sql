-- Further cancellation links of a registration: the reminder and the "a seat is yours" e-mails carry their
-- own, so that the link of the first e-mail (its hash in event_registration.cancel_token_hash) keeps working.
-- Only the SHA-256 of each token is stored; the row goes with its registration.
create table event_cancel_link (
    token_hash      varchar(64) primary key,
    registration_id bigint      not null references event_registration (id) on delete cascade,
    created_at      timestamptz not null default now()
);

create index event_cancel_link_registration on event_cancel_link (registration_id);
